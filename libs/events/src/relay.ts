/**
 * Outbox relay: publishes unpublished `posa_outbox` rows in `seq` order, then marks them.
 * At-least-once: a failed publish leaves the rows unpublished and the batch is retried
 * with back-off; a crash between publish and mark republishes the batch (duplicates are
 * possible, loss and per-key reordering are not). One relay per database publishes at a
 * time: the leader holds a session advisory lock on a dedicated connection and runs all
 * its queries on that connection, so losing the connection also ends the leadership.
 */
import type { PoolClient } from 'pg';
import { backoffDelay, sleep } from './backoff';
import { errorFields, silentLogger, type EventsLogger } from './logger';
import {
  markPublished,
  purgePublished,
  readLag,
  readUnpublished,
  rowToEvent,
  type OutboxLag,
  type UnpublishedRow,
} from './outbox-store';
import {
  RELAY_DEFAULTS,
  relayMetrics,
  type OutboxRelayOptions,
  type RelayMetrics,
  type RelayStats,
} from './relay-options';

export class OutboxRelay {
  private readonly o: Required<Omit<OutboxRelayOptions, 'logger' | 'registry' | 'afterPublish'>>;
  private readonly logger: EventsLogger;
  private readonly metrics: RelayMetrics;
  private client: PoolClient | undefined;
  private clientBroken = false;
  private loop: Promise<void> | undefined;
  private stopping = new AbortController();
  private wake: AbortController | undefined;
  private lastPurge = 0;
  private lastLag = 0;
  private cursor = '0';
  private prefetched: Promise<UnpublishedRow[]> | undefined;
  private pendingMark: Promise<void> | undefined;
  readonly stats: RelayStats = { published: 0, batches: 0, errors: 0, leader: false };

  constructor(private readonly options: OutboxRelayOptions) {
    this.o = { ...RELAY_DEFAULTS, ...options };
    this.logger = options.logger ?? silentLogger;
    this.metrics = relayMetrics(options.registry);
  }

  get isLeader(): boolean {
    return this.stats.leader;
  }

  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  /** Wakes an idle relay at once (e.g. right after a transaction wrote outbox rows). */
  notify(): void {
    this.wake?.abort();
  }

  /** Stops polling, waits (bounded) for the in-flight batch and gives up the leadership. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (loop === undefined) return;
    this.stopping.abort();
    this.wake?.abort();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      loop.then(() => false),
      new Promise<boolean>(
        (resolve) => (timer = setTimeout(() => resolve(true), this.o.stopTimeoutMs)),
      ),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.logger.warn(
        { relay: this.o.name },
        'outbox relay did not stop in time; dropping its connection',
      );
      this.clientBroken = true;
      this.resign();
    }
    this.loop = undefined;
  }

  /** Unpublished count and oldest age, read now. */
  async lag(): Promise<OutboxLag> {
    const lag = await readLag(this.client ?? this.o.pool);
    this.metrics.unpublished.set({ relay: this.o.name }, lag.unpublished);
    this.metrics.oldest.set({ relay: this.o.name }, lag.oldestAgeSeconds);
    return lag;
  }

  /** Deletes published rows older than purgeAfterDays; returns how many. */
  async purge(): Promise<number> {
    if (this.o.purgeAfterDays <= 0) return 0;
    let total = 0;
    for (let n = -1; n !== 0; total += n)
      n = await purgePublished(this.client ?? this.o.pool, this.o.purgeAfterDays);
    if (total > 0)
      this.logger.info({ relay: this.o.name, rows: total }, 'purged published outbox rows');
    return total;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        if (this.client === undefined && !(await this.lead())) {
          await sleep(this.o.leaderRetryMs, this.stopping.signal);
          continue;
        }
        const full = await this.publishBatch();
        failures = 0;
        await this.housekeeping();
        if (!full) await this.idle();
      } catch (err) {
        failures += 1;
        this.rewind();
        this.stats.errors += 1;
        this.metrics.errors.inc({ relay: this.o.name });
        this.logger.error(
          { relay: this.o.name, attempt: failures, ...errorFields(err) },
          'outbox relay round failed',
        );
        if (this.clientBroken) this.resign();
        await sleep(backoffDelay(failures, this.o.errorBackoff), this.stopping.signal);
      }
    }
    await this.settleMark().catch(() => undefined);
    this.rewind();
    await this.unlock();
  }

  /**
   * Publishes one batch; true when it was full (more rows are probably waiting). The
   * database work overlaps the Kafka round trip: while a full batch is on its way, the next
   * one is read (seq above the batch) and the previous one is marked. A batch is marked
   * only after it was published, and the next batch is published only after the previous
   * one was, so a crash can only cause republication. Once a read comes back short the
   * cursor goes back to the start, which picks up rows of transactions that committed late.
   */
  private async publishBatch(): Promise<boolean> {
    const client = this.client!;
    const rows = await (this.prefetched ?? this.read(client, this.cursor));
    this.prefetched = undefined;
    const full = rows.length === this.o.batchSize;
    const lastSeq = rows[rows.length - 1]?.seq ?? '0';
    this.cursor = full ? lastSeq : '0';
    if (rows.length === 0) return false;
    if (full) {
      this.prefetched = this.read(client, lastSeq);
      this.prefetched.catch(() => undefined);
    }
    const events = rows.map((row) => rowToEvent(row, this.logger));
    await this.o.publisher.publish(events);
    await this.settleMark();
    await this.options.afterPublish?.(events);
    const seqs = rows.map((r) => r.seq);
    this.pendingMark = this.onClient(() => markPublished(client, seqs)).then(() => {
      this.stats.published += rows.length;
      this.stats.batches += 1;
      this.metrics.published.inc({ relay: this.o.name }, rows.length);
    });
    this.pendingMark.catch(() => undefined);
    if (!full) await this.settleMark();
    return full;
  }

  /** Waits for the mark of the previous batch; its failure fails the current round. */
  private async settleMark(): Promise<void> {
    const pending = this.pendingMark;
    this.pendingMark = undefined;
    await pending;
  }

  private read(client: PoolClient, afterSeq: string): Promise<UnpublishedRow[]> {
    return this.onClient(() => readUnpublished(client, this.o.batchSize, afterSeq));
  }

  /** Forgets the read-ahead batch and the cursor: the next round starts from the oldest row. */
  private rewind(): void {
    this.prefetched = undefined;
    this.pendingMark = undefined;
    this.cursor = '0';
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastLag >= this.o.lagIntervalMs) {
      this.lastLag = now;
      await this.onClient(() => this.lag());
    }
    if (this.o.purgeAfterDays > 0 && now - this.lastPurge >= this.o.purgeIntervalMs) {
      this.lastPurge = now;
      await this.onClient(() => this.purge());
    }
  }

  /** Runs a query on the leader connection; a failure there ends the leadership. */
  private async onClient<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.clientBroken = true;
      throw err;
    }
  }

  private async lead(): Promise<boolean> {
    const client = await this.o.pool.connect();
    client.on('error', (err) => {
      this.logger.warn({ relay: this.o.name, ...errorFields(err) }, 'outbox relay connection lost');
      this.clientBroken = true;
    });
    try {
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [this.o.lockName],
      );
      if (result.rows[0]?.locked !== true) {
        client.release();
        return false;
      }
    } catch (err) {
      client.release(err instanceof Error ? err : true);
      throw err;
    }
    this.client = client;
    this.clientBroken = false;
    this.rewind();
    this.setLeader(true);
    this.logger.info({ relay: this.o.name }, 'outbox relay became leader');
    return true;
  }

  /** Drops the leader connection without unlocking: closing the session frees the lock. */
  private resign(): void {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) client.release(true);
    this.setLeader(false);
  }

  private async unlock(): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    if (this.clientBroken) return this.resign();
    try {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.o.lockName]);
      this.client = undefined;
      client.release();
      this.setLeader(false);
    } catch {
      this.resign();
    }
  }

  private setLeader(leader: boolean): void {
    this.stats.leader = leader;
    this.metrics.leader.set({ relay: this.o.name }, leader ? 1 : 0);
  }

  private async idle(): Promise<void> {
    this.wake = new AbortController();
    const both = AbortSignal.any([this.wake.signal, this.stopping.signal]);
    await sleep(this.o.idleIntervalMs, both);
    this.wake = undefined;
  }
}
