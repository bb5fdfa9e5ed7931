import { ShutdownOrder, createShutdown } from './shutdown';
import { memoryLogger } from './grpc/test-support.fixture';

describe('ShutdownCoordinator', () => {
  it('runs steps by order, logs each and exits 0 when all finish', async () => {
    const log = memoryLogger();
    const exits: number[] = [];
    const calls: string[] = [];
    const s = createShutdown({ logger: log.logger, exit: (c) => void exits.push(c) });
    s.onShutdown('pools', () => void calls.push('pools'), ShutdownOrder.closePools);
    s.onShutdown(
      'grpc',
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        calls.push('grpc');
      },
      ShutdownOrder.drainGrpc,
    );
    s.onShutdown('readiness', () => void calls.push('readiness'), ShutdownOrder.stopAccepting);
    s.onShutdown('consumers', () => void calls.push('consumers'), ShutdownOrder.stopConsumers);
    const report = await s.shutdown('SIGTERM');
    expect(calls).toEqual(['readiness', 'grpc', 'consumers', 'pools']);
    expect(report).toMatchObject({ ok: true, timedOut: false, reason: 'SIGTERM' });
    expect(exits).toEqual([0]);
    const steps = log.lines.filter((l) => l.msg === 'shutdown step done').map((l) => l.step);
    expect(steps).toEqual(['readiness', 'grpc', 'consumers', 'pools']);
    expect(log.lines.at(-1)).toMatchObject({ msg: 'shutdown complete', ok: true });
  });

  it('is idempotent: a second signal returns the same run', async () => {
    const exits: number[] = [];
    let runs = 0;
    const s = createShutdown({ exit: (c) => void exits.push(c) });
    s.onShutdown('once', () => void runs++);
    const a = s.shutdown('SIGTERM');
    const b = s.shutdown('SIGINT');
    expect(b).toBe(a);
    await a;
    expect(runs).toBe(1);
    expect(exits).toEqual([0]);
    expect(s.started).toBe(true);
  });

  it('bounds a hanging step, goes on with the next ones and exits 1', async () => {
    const exits: number[] = [];
    const calls: string[] = [];
    const s = createShutdown({ exit: (c) => void exits.push(c) });
    s.onShutdown('hangs', () => new Promise(() => undefined), 10, { timeoutMs: 20 });
    s.onShutdown(
      'fails',
      () => {
        throw new Error('pool already closed');
      },
      20,
    );
    s.onShutdown('after', () => void calls.push('after'), 30);
    const report = await s.shutdown();
    expect(calls).toEqual(['after']);
    expect(report.ok).toBe(false);
    expect(report.timedOut).toBe(false);
    expect(report.steps).toEqual([
      expect.objectContaining({
        name: 'hangs',
        ok: false,
        error: 'step "hangs" timed out after 20 ms',
      }),
      expect.objectContaining({ name: 'fails', ok: false, error: 'pool already closed' }),
      expect.objectContaining({ name: 'after', ok: true }),
    ]);
    expect(exits).toEqual([1]);
  });

  it('stops at the overall budget and reports the steps never run', async () => {
    const exits: number[] = [];
    const s = createShutdown({ timeoutMs: 30, exit: (c) => void exits.push(c) });
    s.onShutdown('hangs', () => new Promise(() => undefined), 10);
    s.onShutdown('never', () => undefined, 20);
    const report = await s.shutdown();
    expect(report.timedOut).toBe(true);
    expect(report.steps.map((st) => [st.name, st.ok])).toEqual([
      ['hangs', false],
      ['never', false],
    ]);
    expect(report.steps[1]?.error).toBe('not run: shutdown budget exhausted');
    expect(exits).toEqual([1]);
  });

  it('installs and removes signal handlers without sending signals', () => {
    const s = createShutdown({ exit: () => undefined });
    const before = process.listenerCount('SIGTERM');
    const remove = s.installSignalHandlers();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    remove();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
