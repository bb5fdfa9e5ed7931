/**
 * A service's consumption of other services' topics, chosen by configuration like its
 * publishing (outbox-publishing.ts): a Kafka consumer group in the full stack (the topics it
 * reads and its dead-letter topic are created at start if missing) or a subscription to the
 * shared in-process bus in the embedded default. Either way each event is handled once,
 * through the inbox, in one transaction with the handler's effects.
 *
 * In-process without a shared bus (a service started alone, as in most tests) there is no
 * publisher to consume from: nothing is subscribed and stop() does nothing.
 */
import type pg from 'pg';
import type { Registry } from 'prom-client';
import { KafkaEventConsumer } from './consumer';
import type { RetryPolicy } from './deliver';
import { ensureTopics, type TopicSettings } from './ensure-topics';
import type { InProcessBus } from './in-process-bus';
import type { EventsLogger } from './logger';
import type { EventHandler } from './received-event';
import { EVENT_PARTITIONS, EVENT_RETENTION_MS, topicCatalogue } from './topics';

export interface EventConsumptionOptions {
  /** Consumer group = the consuming service's name (also its inbox group and dead-letter topic). */
  service: string;
  /** Topics read, e.g. posa.households.events.v1. */
  topics: readonly string[];
  pool: pg.Pool;
  handler: EventHandler;
  transport: 'in-process' | 'kafka';
  /** Kafka bootstrap servers; required when transport is 'kafka'. */
  brokers: readonly string[];
  /** The shared bus of the embedded run. */
  bus?: InProcessBus;
  logger: EventsLogger;
  registry?: Registry;
  retry?: RetryPolicy;
}

export interface EventConsumption {
  /** The Kafka consumer, when the transport is Kafka (stats, dead-letter topic). */
  readonly kafka: KafkaEventConsumer | undefined;
  /** Lets the event in hand finish, commits and disconnects. */
  stop(): Promise<void>;
}

/** Settings of a topic read: the catalogue's when it is catalogued, the defaults otherwise. */
function topicSettings(name: string): TopicSettings {
  const spec = topicCatalogue.find((t) => t.name === name);
  return spec ?? { name, partitions: EVENT_PARTITIONS, retentionMs: EVENT_RETENTION_MS };
}

export async function startEventConsumption(
  options: EventConsumptionOptions,
): Promise<EventConsumption> {
  if (options.topics.length === 0) throw new Error('topics: at least one topic is required');
  const settings = options.topics.map(topicSettings);
  if (options.transport === 'in-process') {
    for (const topic of options.topics) {
      options.bus?.subscribe(topic, options.service, {
        pool: options.pool,
        handler: options.handler,
      });
    }
    return { kafka: undefined, stop: () => Promise.resolve() };
  }
  if (options.brokers.length === 0) {
    throw new Error('KAFKA_BROKERS: required when EVENTS_TRANSPORT=kafka');
  }
  const created = await ensureTopics([...options.brokers], settings, { logger: options.logger });
  if (created.length > 0) options.logger.info({ topics: created }, 'created event topics');
  const consumer = new KafkaEventConsumer({
    brokers: [...options.brokers],
    groupId: options.service,
    topics: [...options.topics],
    pool: options.pool,
    handler: options.handler,
    retry: options.retry,
    logger: options.logger,
    registry: options.registry,
  });
  await consumer.start();
  return { kafka: consumer, stop: () => consumer.stop() };
}
