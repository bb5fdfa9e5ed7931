import { FailedPreconditionError, NotFoundError, UnavailableError } from './errors';
import type { EchoResponse } from './echo-service.fixture';
import { metricValue, startEchoHarness } from './echo-server.fixture';
import type { EchoHarness } from './echo-server.fixture';

let h: EchoHarness;
beforeAll(async () => {
  h = await startEchoHarness();
});
afterAll(() => h.close());

const SAY = { grpc_service: 'posa.test.v1.EchoService', grpc_method: 'Say' };

describe('retries', () => {
  it('retries UNAVAILABLE for a call marked idempotent until it succeeds', async () => {
    await expect(
      h.client.call('fail', { text: 'unavailable-3' }, { idempotent: true }),
    ).resolves.toEqual({ text: 'ok', n: 3 });
    expect(h.invocations.get('unavailable-3')).toBe(3);
  });

  it('does not retry a call that is not idempotent', async () => {
    await expect(h.client.call('fail', { text: 'unavailable-2' })).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect(h.invocations.get('unavailable-2')).toBe(1);
  });

  it('gives up after maxAttempts', async () => {
    await expect(
      h.client.call('fail', { text: 'unavailable-9' }, { idempotent: true }),
    ).rejects.toBeInstanceOf(UnavailableError);
    expect(h.invocations.get('unavailable-9')).toBe(3);
  });

  it('retries methods listed as idempotent, but never errors other than UNAVAILABLE/DEADLINE_EXCEEDED', async () => {
    await expect(
      h.client.call('fail', { text: 'notfound' }, { idempotent: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const before = h.invocations.get('notfound') ?? 0;
    await expect(
      h.client.call('fail', { text: 'notfound' }, { idempotent: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(h.invocations.get('notfound')).toBe(before + 1);
  });
});

describe('server streaming', () => {
  it('streams every message the handler yields', async () => {
    const got: EchoResponse[] = [];
    for await (const m of h.client.stream('count', { text: 'c', count: 4 })) got.push(m);
    expect(got.map((m) => m.n)).toEqual([1, 2, 3, 4]);
  });

  it('ends the stream with the mapped status when the handler throws', async () => {
    const got: number[] = [];
    const err = await (async () => {
      for await (const m of h.client.stream('count', { text: 'break', count: 5 }))
        got.push(m.n ?? 0);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FailedPreconditionError);
    expect(got).toEqual([1, 2]);
  });
});

describe('metrics and logs', () => {
  it('counts started and handled calls on both sides', async () => {
    const started = await metricValue(h.metrics, 'grpc_server_started_total', SAY);
    const okServer = await metricValue(h.metrics, 'grpc_server_handled_total', {
      ...SAY,
      grpc_code: 'OK',
    });
    const okClient = await metricValue(h.metrics, 'grpc_client_handled_total', {
      ...SAY,
      grpc_code: 'OK',
    });
    const timed = await metricValue(h.metrics, 'grpc_server_handling_seconds', SAY);
    for (let i = 0; i < 3; i++) await h.client.call('say', { text: 'm' });
    expect(await metricValue(h.metrics, 'grpc_server_started_total', SAY)).toBe(started + 3);
    expect(
      await metricValue(h.metrics, 'grpc_server_handled_total', { ...SAY, grpc_code: 'OK' }),
    ).toBe(okServer + 3);
    expect(
      await metricValue(h.metrics, 'grpc_client_handled_total', { ...SAY, grpc_code: 'OK' }),
    ).toBe(okClient + 3);
    expect(await metricValue(h.metrics, 'grpc_server_handling_seconds', SAY)).toBe(timed + 3);
    const failed = {
      grpc_service: 'posa.test.v1.EchoService',
      grpc_method: 'Fail',
      grpc_code: 'NOT_FOUND',
    };
    const nf = await metricValue(h.metrics, 'grpc_server_handled_total', failed);
    await h.client.call('fail', { text: 'notfound' }).catch(() => undefined);
    expect(await metricValue(h.metrics, 'grpc_server_handled_total', failed)).toBe(nf + 1);
  });

  it('exposes the gRPC series in the Prometheus text format', async () => {
    const text = await h.metrics.expose();
    expect(text).toContain('# TYPE grpc_server_handling_seconds histogram');
    expect(text).toMatch(
      /^grpc_server_handled_total\{grpc_type="unary",grpc_service="posa.test.v1.EchoService",grpc_method="Say",grpc_code="OK"\} \d+$/m,
    );
    expect(text).toMatch(
      /^grpc_server_handling_seconds_bucket\{grpc_type="unary",grpc_service="posa.test.v1.EchoService",grpc_method="Say",le="\+Inf"\} \d+$/m,
    );
    expect(text).toMatch(
      /^grpc_client_handling_seconds_count\{grpc_type="server_stream",grpc_service="posa.test.v1.EchoService",grpc_method="Count"\} 2$/m,
    );
  });

  it('logs method, status and duration of each call but never payloads', async () => {
    await h.client.call('say', { text: 'Tran Thi B 0912345678' });
    const line = h.log.lines.filter((l) => l.grpc_method === 'Say').pop();
    expect(line).toMatchObject({
      msg: 'grpc call',
      grpc_service: 'posa.test.v1.EchoService',
      grpc_code: 'OK',
      service: 'test',
    });
    expect(typeof line?.duration_ms).toBe('number');
    expect(h.log.text()).not.toContain('Tran Thi B');
  });
});
