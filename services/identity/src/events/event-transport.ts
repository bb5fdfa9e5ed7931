/**
 * The outbox relay of identity and where it publishes: Kafka (full stack; topics ensured at
 * start) or the in-process bus of the embedded run.
 */
import type pg from 'pg';
import {
  ensureTopics,
  InProcessBus,
  KafkaEventPublisher,
  OutboxRelay,
  topicCatalogue,
  type EventPublisher,
} from '@posa/events';
import type { Logger, Metrics } from '@posa/platform';
import { IDENTITY_TOPIC } from './unit-events';

export interface EventTransportOptions {
  pool: pg.Pool;
  transport: 'in-process' | 'kafka';
  brokers: string[];
  /** The shared bus of the embedded run; a private one when absent. */
  bus?: InProcessBus;
  logger: Logger;
  registry?: Metrics['registry'];
}

export interface RunningRelay {
  relay: OutboxRelay;
  stop(): Promise<void>;
}

export async function startOutboxRelay(options: EventTransportOptions): Promise<RunningRelay> {
  let publisher: EventPublisher;
  let kafka: KafkaEventPublisher | undefined;
  if (options.transport === 'kafka') {
    if (options.brokers.length === 0)
      throw new Error('KAFKA_BROKERS: required when EVENTS_TRANSPORT=kafka');
    const topics = topicCatalogue.filter((t) => t.name === IDENTITY_TOPIC);
    const created = await ensureTopics(options.brokers, topics, { logger: options.logger });
    if (created.length > 0) options.logger.info({ topics: created }, 'created event topics');
    kafka = new KafkaEventPublisher({
      brokers: options.brokers,
      clientId: 'identity',
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
    name: 'identity',
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
