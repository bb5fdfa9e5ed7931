/**
 * Outbox relay: publishes unpublished `posa_outbox` rows in `seq` order, then marks them.
 * At-least-once: a failed publish leaves the rows unpublished and the batch is retried
 * with back-off; a crash between publish and mark republishes the batch (duplicates are
 * possible, loss and per-key reordering are not). One relay per database publishes at a
 * time: the leader holds a session advisory lock on a dedicated connection and runs all
 * its queries on that connection, so losing the connection also ends the leadership.
 */
import type { Pool, PoolClient } from 'pg';
import type { Registry } from 'prom-client';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff';
import { errorFields, silentLogger, type EventsLogger } from './logger';
import { counter, gauge } from './metrics';
import { markPublished, purgePublished, readLag, readUnpublished, rowToEvent, type OutboxLag } from './outbox-store';
import type { EventPublisher, PublishedEvent } from './publisher';

export interface OutboxRelayOptions {
  pool: Pool;
  publisher: EventPublisher;
  /** Names this relay in logs and metric labels (e.g. the service name). */
  name: string;
  batchSize?: number;
  /** Wait between polls when the last batch was not full, ms. */
  idleIntervalMs?: number;
  /** Wait between attempts to become leader, ms. */
  leaderRetryMs?: number;
  /** Advisory lock name; relays of one database sharing it exclude each other. */
  lockName?: string;
  errorBackoff?: BackoffPolicy;
  /** Delete rows published more than this many days ago; 0 disables. */
  purgeAfterDays?: number;
  purgeIntervalMs?: number;
  lagIntervalMs?: number;
  /** Upper bound of stop() waiting for the in-flight batch, ms. */
  stopTimeoutMs?: number;
  logger?: EventsLogger;
  registry?: Registry;
  /** Called after a batch was published and before it is marked (observability, crash drills). */
  afterPublish?: (events: PublishedEvent[]) => void | Promise<void>;
}

export interface RelayStats {
  published: number;
  batches: number;
  errors: number;
  leader: boolean;
}

export class OutboxRelay {
  private readonly o: Required<Omit<OutboxRelayOptions, 'logger' | 'registry' | 'afterPublish'>>;
  private readonly logger: EventsLogger;
  private readonly metrics;
  private client: PoolClient | undefined;
  private clientBroken = false;
  private loop: Promise<void> | undefined;
  private stopping = new AbortController();
  private wake: AbortController | undefined;
  private lastPurge = 0;
  private lastLag = 0;
  readonly stats: RelayStats = { published: 0, batches: 0, errors: 0, leader: false };

  constructor(private readonly options: OutboxRelayOptions) {
    this.o = {
      batchSize: 500,
      idleIntervalMs: 100,
      leaderRetryMs: 1_000,
      lockName: 'posa_outbox_relay',
      errorBackoff: { initialMs: 200, maxMs: 10_000, multiplier: 2 },
      purgeAfterDays: 7,
      purgeIntervalMs: 60 * 60 * 1000,
      lagIntervalMs: 5_000,
      stopTimeoutMs: 10_000,
      ...options,
    };
    this.logger = options.logger ?? silentLogger;
    const r = options.registry;
    this.metrics = {
      published: counter(r, 'posa_outbox_events_published_total', 'Outbox events published', ['relay']),
      errors: counter(r, 'posa_outbox_publish_errors_total', 'Failed outbox relay rounds', ['relay']),
      unpublished: gauge(r, 'posa_outbox_unpublished_events', 'Outbox rows not yet published', ['relay']),
      oldest: gauge(r, 'posa_outbox_oldest_unpublished_seconds', 'Age of the oldest unpublished row', ['relay']),
      leader: gauge(r, 'posa_outbox_relay_leader', '1 while this relay holds the outbox lock', ['relay']),
    };
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
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.o.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.logger.warn({ relay: this.o.name }, 'outbox relay did not stop in time; dropping its connection');
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
    for (let n = -1; n !== 0; total += n) n = await purgePublished(this.client ?? this.o.pool, this.o.purgeAfterDays);
    if (total > 0) this.logger.info({ relay: this.o.name, rows: total }, 'purged published outbox rows');
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
        this.stats.errors += 1;
        this.metrics.errors.inc({ relay: this.o.name });
        this.logger.error({ relay: this.o.name, attempt: failures, ...errorFields(err) }, 'outbox relay round failed');
        if (this.clientBroken) this.resign();
        await sleep(backoffDelay(failures, this.o.errorBackoff), this.stopping.signal);
      }
    }
    await this.unlock();
  }

  /** Publishes one batch; true when it was full (more rows are probably waiting). */
  private async publishBatch(): Promise<boolean> {
    const client = this.client!;
    const rows = await this.onClient(() => readUnpublished(client, this.o.batchSize));
    if (rows.length === 0) return false;
    const events = rows.map((row) => rowToEvent(row, this.logger));
    await this.o.publisher.publish(events);
    await this.options.afterPublish?.(events);
    await this.onClient(() => markPublished(client, rows.map((r) => r.seq)));
    this.stats.published += rows.length;
    this.stats.batches += 1;
    this.metrics.published.inc({ relay: this.o.name }, rows.length);
    return rows.length === this.o.batchSize;
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
