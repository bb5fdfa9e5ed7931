import { backoffDelay, backoffSchedule, sleep } from './backoff';

describe('back-off', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = { initialMs: 100, maxMs: 1_000, multiplier: 2 };
    expect(backoffSchedule(7, policy)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('has no delay for a single attempt', () => {
    expect(backoffSchedule(1)).toEqual([]);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => backoffDelay(0)).toThrow('attempt: must be a positive integer');
  });

  it('sleep ends early when its signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort();
    await expect(slept).resolves.toBeUndefined();
  });
});
