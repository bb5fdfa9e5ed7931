/**
 * A service's outbox relay and where it publishes, chosen by configuration: Kafka in the full
 * stack (the service's topic is created at start if missing) or an in-process bus in the
 * embedded default. Every service with an outbox starts its publishing with this.
 */
import type pg from 'pg';
import type { Registry } from 'prom-client';
import { ensureTopics } from './ensure-topics';
import { InProcessBus } from './in-process-bus';
import type { EventsLogger } from './logger';
import { KafkaEventPublisher } from './producer';
import type { EventPublisher } from './publisher';
import { OutboxRelay } from './relay';
import { serviceTopic, topicCatalogue } from './topics';

export interface OutboxPublishingOptions {
  /** Service name: relay name, Kafka client id, and the topic posa.<service>.events.v1. */
  service: string;
  pool: pg.Pool;
  transport: 'in-process' | 'kafka';
  /** Kafka bootstrap servers; required when transport is 'kafka'. */
  brokers: readonly string[];
  /** The shared bus of the embedded run; a private one when absent. */
  bus?: InProcessBus;
  logger: EventsLogger;
  registry?: Registry;
}

export interface OutboxPublishing {
  relay: OutboxRelay;
  /** Stops the relay (in-flight batch finished) and disconnects from Kafka. */
  stop(): Promise<void>;
}

export async function startOutboxPublishing(
  options: OutboxPublishingOptions,
): Promise<OutboxPublishing> {
  let publisher: EventPublisher;
  let kafka: KafkaEventPublisher | undefined;
  if (options.transport === 'kafka') {
    if (options.brokers.length === 0) {
      throw new Error('KAFKA_BROKERS: required when EVENTS_TRANSPORT=kafka');
    }
    const topicName = serviceTopic(options.service);
    const topics = topicCatalogue.filter((t) => t.name === topicName);
    const created = await ensureTopics([...options.brokers], topics, { logger: options.logger });
    if (created.length > 0) options.logger.info({ topics: created }, 'created event topics');
    kafka = new KafkaEventPublisher({
      brokers: [...options.brokers],
      clientId: options.service,
      logger: options.logger,
    });
    await kafka.connect();
    publisher = kafka;
  } else {
    publisher = options.bus ?? new InProcessBus({ logger: options.logger });
  }
  const relay = new OutboxRelay({
    pool: options.pool,
    publisher,
    name: options.service,
    logger: options.logger,
    registry: options.registry,
  });
  relay.start();
  return {
    relay,
    async stop() {
      await relay.stop();
      await kafka?.disconnect();
    },
  };
}
