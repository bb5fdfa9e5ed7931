/** Exponential back-off without jitter, so schedules are predictable and testable. */
export interface BackoffPolicy {
  /** Delay before the second attempt, in milliseconds. */
  initialMs: number;
  /** Upper bound of any single delay, in milliseconds. */
  maxMs: number;
  /** Growth factor between consecutive delays. */
  multiplier: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 100, maxMs: 5_000, multiplier: 2 };

/**
 * Delay to wait after failed attempt number `attempt` (1-based) before the next one:
 * initialMs * multiplier^(attempt-1), capped at maxMs.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt: must be a positive integer, got ${attempt}`);
  }
  const delay = policy.initialMs * Math.pow(policy.multiplier, attempt - 1);
  return Math.min(Math.round(delay), policy.maxMs);
}

/** The whole schedule of delays between `attempts` attempts (attempts - 1 values). */
export function backoffSchedule(
  attempts: number,
  policy: BackoffPolicy = defaultBackoff,
): number[] {
  const delays: number[] = [];
  for (let attempt = 1; attempt < attempts; attempt += 1)
    delays.push(backoffDelay(attempt, policy));
  return delays;
}

/** A sleep that a stop signal can cut short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
