/**
 * Health: liveness (the process is up) and readiness (every registered check passes).
 *
 * Readiness checks are small async functions (a DB `SELECT 1`, a Kafka admin ping); each
 * run is bounded by its timeout. `markShuttingDown()` makes readiness fail at once so the
 * load balancer stops sending traffic while the process drains.
 *
 * gRPC health (grpc.health.v1) is served by grpc-health-check's HealthImplementation,
 * which the gRPC server helper registers and drives (see grpc/server.ts).
 */
export type ReadinessCheck = () => Promise<unknown>;

export interface CheckResult {
  ok: boolean;
  /** Duration of the check in milliseconds. */
  ms: number;
  /** Why it failed (the error message or "timed out after N ms"). */
  error?: string;
}

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

interface RegisteredCheck {
  name: string;
  fn: ReadinessCheck;
  timeoutMs: number;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/** Rejects with "timed out after N ms" unless `p` settles first. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class Readiness {
  private readonly checks: RegisteredCheck[] = [];
  private shuttingDown = false;

  /** Registers a named check; it fails when it rejects or exceeds `timeoutMs` (default 2000). */
  addCheck(name: string, fn: ReadinessCheck, options: { timeoutMs?: number } = {}): this {
    if (this.checks.some((c) => c.name === name))
      throw new Error(`readiness check "${name}" already registered`);
    this.checks.push({ name, fn, timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS });
    return this;
  }

  /** From now on readiness fails (called first thing on shutdown). */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  /** Runs every check concurrently and reports each result. */
  async run(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async (c): Promise<[string, CheckResult]> => {
        const start = performance.now();
        try {
          await withTimeout(Promise.resolve().then(c.fn), c.timeoutMs);
          return [c.name, { ok: true, ms: Math.round(performance.now() - start) }];
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          return [c.name, { ok: false, ms: Math.round(performance.now() - start), error }];
        }
      }),
    );
    const checks: Record<string, CheckResult> = Object.fromEntries(results);
    if (this.shuttingDown) checks['shutdown'] = { ok: false, ms: 0, error: 'shutting down' };
    return { ok: Object.values(checks).every((r) => r.ok), checks };
  }
}
