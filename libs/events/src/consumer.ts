/**
 * Kafka consumer with an inbox: each record is decoded, recorded in `posa_inbox` and handled
 * in one database transaction, and only then is its offset resolved and committed (manual
 * commits), so offsets never run ahead of the database. A partition's records are handled
 * one after another, which keeps per-key order. Failing handlers are retried with back-off;
 * after the last attempt, and at once for records that are not valid CloudEvents, the record
 * goes to the group's dead-letter topic and consumption goes on.
 */
import type { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { sleep } from './backoff';
import { deliver, defaultRetryPolicy, type DeliveryContext, type RetryPolicy } from './deliver';
import { EnvelopeError, fromKafkaMessage } from './envelope';
import { ensureTopics } from './ensure-topics';
import { createKafka, defaultPartitioner } from './kafka-client';
import { errorFields, silentLogger, type EventsLogger } from './logger';
import { counter } from './metrics';
import type { EventHandler } from './received-event';
import { deadLetterTopic, deadLetterTopicSpec } from './topics';

export interface KafkaConsumerOptions {
  brokers: string[];
  /** Consumer group = the service name; also the inbox group and the dead-letter topic name. */
  groupId: string;
  topics: string[];
  pool: Pool;
  handler: EventHandler;
  retry?: RetryPolicy;
  /** Where a new group starts: the oldest retained record (default) or only new ones. */
  fromBeginning?: boolean;
  /** Commit resolved offsets at least every this many records inside a batch (default 100). */
  commitEvery?: number;
  logger?: EventsLogger;
  registry?: Registry;
}

export interface ConsumerStats {
  consumed: number;
  applied: number;
  duplicates: number;
  retries: number;
  deadLettered: number;
}

export class KafkaEventConsumer {
  private readonly logger: EventsLogger;
  private readonly policy: RetryPolicy;
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly stopping = new AbortController();
  private readonly metrics;
  readonly stats: ConsumerStats = {
    consumed: 0,
    applied: 0,
    duplicates: 0,
    retries: 0,
    deadLettered: 0,
  };

  constructor(private readonly options: KafkaConsumerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.policy = options.retry ?? defaultRetryPolicy;
    const kafka = createKafka({
      brokers: options.brokers,
      clientId: options.groupId,
      logger: this.logger,
    });
    this.consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.dlqProducer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: defaultPartitioner,
      allowAutoTopicCreation: false,
    });
    const r = options.registry;
    const labels = ['group'] as const;
    this.metrics = {
      consumed: counter(r, 'posa_events_consumed_total', 'Records read by consumers', labels),
      duplicates: counter(
        r,
        'posa_events_duplicates_total',
        'Records skipped as already processed',
        labels,
      ),
      retries: counter(
        r,
        'posa_events_retries_total',
        'Handler attempts that failed and were retried',
        labels,
      ),
      deadLettered: counter(
        r,
        'posa_events_dead_lettered_total',
        'Records sent to the dead-letter topic',
        labels,
      ),
    };
  }

  get deadLetterTopic(): string {
    return deadLetterTopic(this.options.groupId);
  }

  /** Ensures the dead-letter topic, connects, subscribes and starts consuming. */
  async start(): Promise<void> {
    const { brokers, groupId, topics } = this.options;
    await ensureTopics(brokers, [deadLetterTopicSpec(groupId)], { logger: this.logger });
    await this.dlqProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      this.logger.error(
        { group: groupId, restart: e.payload.restart, ...errorFields(e.payload.error) },
        'consumer crashed',
      );
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.logger.info({ group: groupId, topics }, 'consumer started');
  }

  /** Lets the record in hand finish (retry waits are cut short), commits and disconnects. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
    this.logger.info({ group: this.options.groupId }, 'consumer stopped');
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const {
      batch,
      resolveOffset,
      heartbeat,
      commitOffsetsIfNecessary,
      uncommittedOffsets,
      isRunning,
      isStale,
    } = payload;
    const commitEvery = this.options.commitEvery ?? 100;
    let resolved = 0;
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping.signal.aborted) break;
      const done = await this.process(batch.topic, batch.partition, message, heartbeat);
      if (!done) break;
      resolveOffset(message.offset);
      resolved += 1;
      if (resolved % commitEvery === 0) await commitOffsetsIfNecessary(uncommittedOffsets());
      await heartbeat();
    }
    if (resolved > 0) await commitOffsetsIfNecessary(uncommittedOffsets());
  }

  /** Handles one record; false when stopping interrupted it (it stays unresolved). */
  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const group = this.options.groupId;
    this.stats.consumed += 1;
    this.metrics.consumed.inc({ group });
    let event;
    try {
      event = { ...fromKafkaMessage(message), topic, partition, offset: message.offset };
    } catch (err) {
      const reason =
        err instanceof EnvelopeError ? `invalid envelope: ${err.message}` : String(err);
      this.logger.warn(
        { group, topic, partition, offset: message.offset, reason },
        'invalid event envelope',
      );
      await this.deadLetter(topic, partition, message, reason, 0);
      return true;
    }
    const ctx: DeliveryContext = {
      pool: this.options.pool,
      group,
      handler: this.options.handler,
      policy: this.policy,
      logger: this.logger,
      wait: (ms) => this.waitWithHeartbeat(ms, heartbeat),
      onRetry: () => {
        this.stats.retries += 1;
        this.metrics.retries.inc({ group });
      },
    };
    const result = await deliver(ctx, event);
    if (result.outcome === 'stopped') return false;
    if (result.outcome === 'failed') {
      await this.deadLetter(topic, partition, message, result.reason, result.attempts);
    } else if (result.outcome === 'duplicate') {
      this.stats.duplicates += 1;
      this.metrics.duplicates.inc({ group });
    } else {
      this.stats.applied += 1;
    }
    return true;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const group = this.options.groupId;
    await this.dlqProducer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            posa_dlq_reason: reason,
            posa_dlq_attempts: String(attempts),
            posa_original_topic: topic,
            posa_original_partition: String(partition),
            posa_original_offset: message.offset,
          },
        },
      ],
    });
    this.stats.deadLettered += 1;
    this.metrics.deadLettered.inc({ group });
    this.logger.warn(
      { group, topic, partition, offset: message.offset, attempts },
      'record sent to dead-letter topic',
    );
  }

  /** Sleeps in slices, heartbeating between them; false when the consumer is stopping. */
  private async waitWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.stopping.signal.aborted && Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()), this.stopping.signal);
      await heartbeat();
    }
    return !this.stopping.signal.aborted;
  }
}
