/**
 * Works through re-rating jobs: for each affected case, in batches of one transaction each, a
 * new EntitlementChanged from the job's first month with the catalogue as it now stands. The
 * job row is locked while a batch runs (replicas skip it) and remembers the last case done, so
 * a stop or crash resumes where it was and no case is missed. A case is locked like any other
 * change of it, so a variation and a re-rating never interleave their sequences.
 */
import { withTransaction } from '@posa/db';
import { type Logger, monthOfDate } from '@posa/platform';
import type pg from 'pg';
import { recordEntitlementChanged } from '../events/case-events';
import { loadCatalogue } from '../store/policy-store';
import { loadCaseForUpdate, loadPeriods } from '../store/case-store';
import { advanceJob, claimJob, finishJob, nextCaseIds } from './rerating-store';

export interface ReratingWorkerOptions {
  pool: pg.Pool;
  logger: Logger;
  today: () => string;
  /** Cases per transaction (default 500). */
  batchSize?: number;
  /** Pause between looks for new jobs, ms (default 2000). */
  pollMs?: number;
}

/** The actor of events the system sends by itself. */
export const RERATING_ACTOR = { actorId: 'system:rerating', actorUnitCode: 'VN' };

export class ReratingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ReratingWorkerOptions) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs batches until no job is left (or another replica holds the remaining one). */
  async drain(): Promise<void> {
    while (!this.stopped && (await this.runBatch())) {
      // one batch per transaction
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err: unknown) => this.options.logger.error({ err }, 're-rating batch failed'))
        .finally(() => this.schedule(this.options.pollMs ?? 2000));
    }, delayMs);
    this.timer.unref();
  }

  /** One batch of the oldest job; false when there was nothing to do. */
  private runBatch(): Promise<boolean> {
    const { pool, today } = this.options;
    return withTransaction(pool, async (client) => {
      const job = await claimJob(client);
      if (job === undefined) return false;
      const at = new Date();
      const ids = await nextCaseIds(client, job, this.options.batchSize ?? 500);
      if (ids.length === 0) {
        await finishJob(client, job.id, at);
        this.options.logger.info({ jobId: job.id }, 're-rating job finished');
        return true;
      }
      const catalogue = await loadCatalogue(client);
      const stamp = { ...RERATING_ACTOR, sourceAddress: '', at };
      for (const id of ids) {
        const caseRow = await loadCaseForUpdate(client, id);
        if (caseRow === undefined) continue;
        await recordEntitlementChanged(client, {
          caseRow,
          periods: await loadPeriods(client, id),
          catalogue,
          fromMonth: job.fromMonth,
          decidedInMonth: monthOfDate(today()),
          stamp,
        });
      }
      await advanceJob(client, job.id, ids[ids.length - 1]!, ids.length);
      return true;
    });
  }
}
