import { context, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { createLogger } from './logger';

function capture(): {
  lines: () => Record<string, unknown>[];
  raw: () => string;
  destination: { write(s: string): void };
} {
  const out: string[] = [];
  return {
    destination: { write: (s: string) => void out.push(s) },
    raw: () => out.join(''),
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes JSON with service, version, ISO time and the level label', () => {
    const c = capture();
    createLogger({ service: 'cases', version: '1.2.3', destination: c.destination }).info(
      { case_id: 'C-1' },
      'opened',
    );
    const [line] = c.lines();
    expect(line).toMatchObject({
      level: 'info',
      service: 'cases',
      service_version: '1.2.3',
      case_id: 'C-1',
      msg: 'opened',
    });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
  });

  it('redacts personal data at depth 1 to 3, including request credentials', () => {
    const c = capture();
    const log = createLogger({ service: 'households', destination: c.destination });
    log.info(
      {
        citizen_id: '001204012345',
        fullName: 'Nguyen Van An',
        member: {
          name: 'Le Thi Binh',
          dateOfBirth: '1990-02-03',
          phone: '0912345678',
          role: 'head',
        },
        household: { head: { idNumber: '079123456789', address: '12 Ly Thuong Kiet' } },
        req: { method: 'GET', headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'sid=abc' } },
        payment: { bankAccount: '0123456789', amount: 500000 },
      },
      'member added',
    );
    const text = c.raw();
    for (const value of [
      '001204012345',
      'Nguyen Van An',
      'Le Thi Binh',
      '1990-02-03',
      '0912345678',
      '079123456789',
      '12 Ly Thuong Kiet',
      'eyJhbGciOi',
      'sid=abc',
      '0123456789',
    ]) {
      expect(text).not.toContain(value);
    }
    const [line] = c.lines();
    expect(line).toMatchObject({
      citizen_id: '[redacted]',
      member: { name: '[redacted]', role: 'head' },
      household: { head: { idNumber: '[redacted]' } },
      req: { method: 'GET', headers: { authorization: '[redacted]' } },
      payment: { bankAccount: '[redacted]', amount: 500000 },
    });
  });

  it('never modifies the logged object, matches keys case-insensitively and covers child bindings', () => {
    const c = capture();
    const log = createLogger({ service: 's', destination: c.destination });
    const record = {
      headers: { Authorization: 'Bearer abc.def' },
      members: [{ EMAIL: 'a@b.vn', role: 'head' }],
    };
    log.info(record, 'request');
    expect(record.headers.Authorization).toBe('Bearer abc.def');
    expect(record.members[0]?.EMAIL).toBe('a@b.vn');
    log
      .child({ user: { phone: '0987654321', unit: 'P01' } })
      .child({ fullName: 'Pham Van C' })
      .info('from child');
    const text = c.raw();
    for (const value of ['abc.def', 'a@b.vn', '0987654321', 'Pham Van C'])
      expect(text).not.toContain(value);
    expect(c.lines()[1]).toMatchObject({
      user: { phone: '[redacted]', unit: 'P01' },
      fullName: '[redacted]',
    });
  });

  it('logs errors through the err serializer', () => {
    const c = capture();
    createLogger({ service: 's', destination: c.destination }).error(
      { err: new Error('pool exhausted') },
      'failed',
    );
    expect(c.lines()[0]).toMatchObject({ err: { type: 'Error', message: 'pool exhausted' } });
    expect(String((c.lines()[0]?.err as { stack: string }).stack)).toContain('pool exhausted');
  });

  it('redacts extra keys given by the service', () => {
    const c = capture();
    createLogger({ service: 's', destination: c.destination, redactKeys: ['householdCode'] }).warn({
      x: { householdCode: 'HH-77' },
    });
    expect(c.raw()).not.toContain('HH-77');
  });

  it('keeps the values a database error quotes, or a parser error holds, out of the line', () => {
    const c = capture();
    const err = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (citizen_id)=(001085012345) already exists.',
      body: 'full_name=Nguy%E1%BB%85n',
    });
    createLogger({ service: 's', destination: c.destination }).error({ err }, 'write failed');
    expect(c.raw()).not.toContain('001085012345');
    expect(c.raw()).not.toContain('full_name=');
    expect(c.lines()[0]).toMatchObject({ err: { code: '23505', message: err.message } });
  });

  it('has no trace fields outside a span', () => {
    const c = capture();
    createLogger({ service: 's', destination: c.destination }).info('plain');
    expect(c.lines()[0]).not.toHaveProperty('trace_id');
  });

  describe('with a tracer provider', () => {
    const exporter = new tracing.InMemorySpanExporter();
    const provider = new node.NodeTracerProvider({
      spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
    });
    beforeAll(() => provider.register());
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
    });

    it('adds trace_id and span_id of the active span, also after an await', async () => {
      const c = capture();
      const log = createLogger({ service: 's', destination: c.destination });
      await trace.getTracer('test').startActiveSpan('work', async (span) => {
        log.info('before');
        await new Promise((r) => setTimeout(r, 1));
        log.info('after');
        span.end();
      });
      const [finished] = exporter.getFinishedSpans();
      const lines = c.lines();
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line.trace_id).toBe(finished?.spanContext().traceId);
        expect(line.span_id).toBe(finished?.spanContext().spanId);
      }
      expect(String(lines[0]?.trace_id)).toMatch(/^[0-9a-f]{32}$/);
    });
  });
});
