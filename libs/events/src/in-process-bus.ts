/**
 * In-process event bus for the embedded run (no Kafka): the outbox relays publish to it and
 * it hands every event to the subscribed consumer groups, through the same inbox as the
 * Kafka consumer. publish() resolves only after every subscriber has applied (or dead-
 * lettered) each event, so a relay marks rows published only once they are delivered; a
 * crash before that republishes them and the inbox skips what was already applied.
 * Each subscription handles its events one at a time in publish order (per-key order kept).
 * Dead letters are kept in memory (bounded) and logged.
 */
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { sleep } from './backoff';
import { deliver, defaultRetryPolicy, type RetryPolicy } from './deliver';
import { validateEvent } from './envelope';
import { silentLogger, type EventsLogger } from './logger';
import { counter } from './metrics';
import type { EventPublisher, PublishedEvent } from './publisher';
import type { ConsumerStats } from './consumer';
import type { EventHandler, ReceivedEvent } from './received-event';

export interface InProcessBusOptions {
  retry?: RetryPolicy;
  logger?: EventsLogger;
  registry?: Registry;
  /** How many dead letters to keep in memory (oldest dropped first); default 1,000. */
  deadLetterLimit?: number;
}

export interface Subscription {
  pool: Pool;
  handler: EventHandler;
}

export interface DeadLetter {
  group: string;
  event: ReceivedEvent;
  reason: string;
  attempts: number;
  at: Date;
}

interface Subscriber extends Subscription {
  topic: string;
  group: string;
  /** Tail of this subscriber's delivery chain: deliveries never overlap. */
  tail: Promise<void>;
  stats: ConsumerStats;
}

export class InProcessBus implements EventPublisher {
  private readonly subscribers: Subscriber[] = [];
  private readonly offsets = new Map<string, bigint>();
  private readonly logger: EventsLogger;
  private readonly policy: RetryPolicy;
  private readonly stopping = new AbortController();
  private readonly metrics;
  readonly deadLetters: DeadLetter[] = [];

  constructor(private readonly options: InProcessBusOptions = {}) {
    this.logger = options.logger ?? silentLogger;
    this.policy = options.retry ?? defaultRetryPolicy;
    const r = options.registry;
    this.metrics = {
      consumed: counter(r, 'posa_events_consumed_total', 'Records read by consumers', ['group']),
      duplicates: counter(
        r,
        'posa_events_duplicates_total',
        'Records skipped as already processed',
        ['group'],
      ),
      retries: counter(
        r,
        'posa_events_retries_total',
        'Handler attempts that failed and were retried',
        ['group'],
      ),
      deadLettered: counter(
        r,
        'posa_events_dead_lettered_total',
        'Records sent to the dead-letter topic',
        ['group'],
      ),
    };
  }

  /** Subscribes consumer group `group` to `topic`; subscribe before the relays start. */
  subscribe(topic: string, group: string, subscription: Subscription): void {
    if (this.subscribers.some((s) => s.topic === topic && s.group === group)) {
      throw new Error(`group: "${group}" is already subscribed to ${topic}`);
    }
    const stats = { consumed: 0, applied: 0, duplicates: 0, retries: 0, deadLettered: 0 };
    this.subscribers.push({ ...subscription, topic, group, tail: Promise.resolve(), stats });
  }

  /** Per-group counters (summed over the group's topics). */
  statsOf(group: string): ConsumerStats {
    const total = { consumed: 0, applied: 0, duplicates: 0, retries: 0, deadLettered: 0 };
    for (const s of this.subscribers.filter((x) => x.group === group)) {
      for (const k of Object.keys(total) as (keyof ConsumerStats)[]) total[k] += s.stats[k];
    }
    return total;
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    if (this.stopping.signal.aborted) throw new Error('in-process bus: stopped');
    const received = events.map((e) => this.receive(e));
    const deliveries = this.subscribers.map((sub) => {
      const mine = received.filter((e) => e.topic === sub.topic);
      if (mine.length === 0) return Promise.resolve();
      const run = sub.tail.then(() => this.deliverAll(sub, mine));
      sub.tail = run.catch(() => undefined);
      return run;
    });
    await Promise.all(deliveries);
  }

  /** Cuts retry waits short; publishes in flight then reject and are retried by the relay. */
  stop(): void {
    this.stopping.abort();
  }

  private receive(event: PublishedEvent): ReceivedEvent {
    validateEvent(event);
    const next = (this.offsets.get(event.topic) ?? -1n) + 1n;
    this.offsets.set(event.topic, next);
    return { ...event, partition: 0, offset: next.toString() };
  }

  private async deliverAll(sub: Subscriber, events: ReceivedEvent[]): Promise<void> {
    const { group } = sub;
    for (const event of events) {
      sub.stats.consumed += 1;
      this.metrics.consumed.inc({ group });
      const result = await deliver(
        {
          pool: sub.pool,
          group,
          handler: sub.handler,
          policy: this.policy,
          logger: this.logger,
          wait: async (ms) => {
            await sleep(ms, this.stopping.signal);
            return !this.stopping.signal.aborted;
          },
          onRetry: () => {
            sub.stats.retries += 1;
            this.metrics.retries.inc({ group });
          },
        },
        event,
      );
      if (result.outcome === 'stopped') throw new Error('in-process bus: stopped during delivery');
      if (result.outcome === 'failed')
        this.addDeadLetter(sub, event, result.reason, result.attempts);
      else if (result.outcome === 'duplicate') {
        sub.stats.duplicates += 1;
        this.metrics.duplicates.inc({ group });
      } else sub.stats.applied += 1;
    }
  }

  private addDeadLetter(
    sub: Subscriber,
    event: ReceivedEvent,
    reason: string,
    attempts: number,
  ): void {
    sub.stats.deadLettered += 1;
    this.metrics.deadLettered.inc({ group: sub.group });
    this.deadLetters.push({ group: sub.group, event, reason, attempts, at: new Date() });
    const limit = this.options.deadLetterLimit ?? 1_000;
    if (this.deadLetters.length > limit)
      this.deadLetters.splice(0, this.deadLetters.length - limit);
    this.logger.error(
      {
        group: sub.group,
        eventId: event.id,
        type: event.type,
        topic: event.topic,
        attempts,
        reason,
      },
      'event dead-lettered (in-process bus)',
    );
  }
}
