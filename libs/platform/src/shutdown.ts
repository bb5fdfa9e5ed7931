/**
 * Graceful shutdown: named steps run in order on SIGTERM/SIGINT (or a direct call).
 *
 *   const shutdown = createShutdown({ logger });
 *   shutdown.onShutdown('readiness', () => readiness.markShuttingDown(), ShutdownOrder.stopAccepting);
 *   shutdown.onShutdown('grpc', () => server.stop(10_000), ShutdownOrder.drainGrpc);
 *   shutdown.onShutdown('consumers', () => consumer.stop(), ShutdownOrder.stopConsumers);
 *   shutdown.onShutdown('db', () => pool.end(), ShutdownOrder.closePools);
 *   shutdown.installSignalHandlers();
 *
 * Steps with a lower order run first; steps with the same order run together. Each step
 * is bounded by its own timeout and by what is left of the whole budget (20 s by
 * default). A second signal does not start a second shutdown. Exit code: 0 when every
 * step finished in time, 1 when one failed or the budget ran out.
 */
import type { Logger } from './logger';

export const ShutdownOrder = {
  stopAccepting: 10,
  drainGrpc: 20,
  stopConsumers: 30,
  closePools: 40,
  flushTelemetry: 50,
} as const;

export interface ShutdownOptions {
  logger?: Logger;
  /** Budget of the whole shutdown (default 20000 ms). */
  timeoutMs?: number;
  /** Default budget of one step (default: the whole budget). */
  stepTimeoutMs?: number;
  /** Called with the exit code at the end (default process.exit). */
  exit?: (code: number) => void;
}

export interface StepReport {
  name: string;
  order: number;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ShutdownReport {
  ok: boolean;
  /** The whole budget ran out before every step finished. */
  timedOut: boolean;
  reason: string;
  steps: StepReport[];
}

interface Step {
  name: string;
  order: number;
  fn: () => unknown;
  timeoutMs: number | undefined;
}

class StepTimeoutError extends Error {}

function bounded(p: Promise<unknown>, ms: number, what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new StepTimeoutError(`${what} timed out after ${Math.round(ms)} ms`)),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class ShutdownCoordinator {
  private readonly steps: Step[] = [];
  private running: Promise<ShutdownReport> | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: ShutdownOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** Registers a step; `order` defaults to 100 (after the standard ones). */
  onShutdown(
    name: string,
    fn: () => unknown,
    order = 100,
    options: { timeoutMs?: number } = {},
  ): void {
    this.steps.push({
      name,
      order,
      fn,
      timeoutMs: options.timeoutMs ?? this.options.stepTimeoutMs,
    });
  }

  /** True once shutdown has begun. */
  get started(): boolean {
    return this.running !== undefined;
  }

  /** Runs every step once, then calls exit; later calls return the same report. */
  shutdown(reason = 'requested'): Promise<ShutdownReport> {
    if (this.running) {
      this.options.logger?.info({ reason }, 'shutdown already in progress');
      return this.running;
    }
    this.running = this.run(reason);
    return this.running;
  }

  /** Starts shutdown on each signal; returns a function removing the handlers. */
  installSignalHandlers(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): () => void {
    const handler = (signal: NodeJS.Signals): void => {
      void this.shutdown(signal);
    };
    for (const s of signals) process.on(s, handler);
    return () => {
      for (const s of signals) process.off(s, handler);
    };
  }

  private async run(reason: string): Promise<ShutdownReport> {
    const log = this.options.logger;
    const started = performance.now();
    const deadline = started + this.timeoutMs;
    const reports: StepReport[] = [];
    log?.info({ reason, steps: this.steps.length, timeout_ms: this.timeoutMs }, 'shutdown started');
    const orders = [...new Set(this.steps.map((s) => s.order))].sort((a, b) => a - b);
    let timedOut = false;
    for (const order of orders) {
      const left = deadline - performance.now();
      if (left <= 0) {
        timedOut = true;
        break;
      }
      const group = this.steps.filter((s) => s.order === order);
      const results = await Promise.all(group.map((step) => this.runStep(step, left)));
      for (const { report, budgetHit } of results) {
        reports.push(report);
        if (budgetHit) timedOut = true;
      }
      if (timedOut) break;
    }
    for (const step of this.steps) {
      if (!reports.some((r) => r.name === step.name && r.order === step.order)) {
        reports.push({
          name: step.name,
          order: step.order,
          ok: false,
          ms: 0,
          error: 'not run: shutdown budget exhausted',
        });
      }
    }
    const ok = !timedOut && reports.every((r) => r.ok);
    const report: ShutdownReport = { ok, timedOut, reason, steps: reports };
    const fields = {
      reason,
      ok,
      timed_out: timedOut,
      duration_ms: Math.round(performance.now() - started),
    };
    if (ok) log?.info(fields, 'shutdown complete');
    else log?.error(fields, 'shutdown incomplete');
    (this.options.exit ?? process.exit)(ok ? 0 : 1);
    return report;
  }

  /** Runs one step; budgetHit tells that it was cut by the whole budget, not its own. */
  private async runStep(
    step: Step,
    left: number,
  ): Promise<{ report: StepReport; budgetHit: boolean }> {
    const log = this.options.logger;
    const limitedByBudget = step.timeoutMs === undefined || left <= step.timeoutMs;
    const limit = limitedByBudget ? left : (step.timeoutMs as number);
    const start = performance.now();
    log?.info({ step: step.name, order: step.order }, 'shutdown step started');
    try {
      await bounded(Promise.resolve().then(step.fn), limit, `step "${step.name}"`);
      const ms = Math.round(performance.now() - start);
      log?.info({ step: step.name, duration_ms: ms }, 'shutdown step done');
      return { report: { name: step.name, order: step.order, ok: true, ms }, budgetHit: false };
    } catch (err) {
      const ms = Math.round(performance.now() - start);
      const error = err instanceof Error ? err.message : String(err);
      log?.error({ step: step.name, duration_ms: ms, err }, 'shutdown step failed');
      const budgetHit = limitedByBudget && err instanceof StepTimeoutError;
      return { report: { name: step.name, order: step.order, ok: false, ms, error }, budgetHit };
    }
  }
}

export function createShutdown(options: ShutdownOptions = {}): ShutdownCoordinator {
  return new ShutdownCoordinator(options);
}
