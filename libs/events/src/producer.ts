/** Kafka producer wrapper: idempotent, acks from all in-sync replicas, one request in flight. */
import type { Message, Producer, TopicMessages } from 'kafkajs';
import { toKafkaMessage } from './envelope';
import { createKafka, defaultPartitioner } from './kafka-client';
import { errorFields, silentLogger, type EventsLogger } from './logger';
import type { EventPublisher, PublishedEvent } from './publisher';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
  logger?: EventsLogger;
  /** Producer-level retries of one send (kafkajs back-off); default 5. */
  retries?: number;
}

/** Groups records by topic, keeping their order inside each topic. */
export function groupByTopic(events: PublishedEvent[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const event of events) {
    const record = toKafkaMessage(event);
    let messages = byTopic.get(event.topic);
    if (messages === undefined) {
      messages = [];
      byTopic.set(event.topic, messages);
    }
    messages.push(record);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}

export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;
  private readonly logger: EventsLogger;

  constructor(private readonly options: KafkaPublisherOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Connects now; otherwise the first publish connects. */
  async connect(): Promise<void> {
    await this.ready();
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const topicMessages = groupByTopic(events);
    const producer = await this.ready();
    try {
      await producer.sendBatch({ topicMessages, acks: -1 });
    } catch (err) {
      // A failed idempotent producer may hold sequence numbers the broker no longer
      // agrees with; start the next attempt with a fresh producer id.
      this.logger.warn(
        { ...errorFields(err), events: events.length },
        'Kafka publish failed; resetting producer',
      );
      await this.reset();
      throw err;
    }
  }

  async disconnect(): Promise<void> {
    await this.reset();
  }

  private ready(): Promise<Producer> {
    if (this.producer !== undefined) return Promise.resolve(this.producer);
    if (this.connecting === undefined) {
      const producer = createKafka({
        brokers: this.options.brokers,
        clientId: this.options.clientId,
        logger: this.logger,
      }).producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: defaultPartitioner,
        allowAutoTopicCreation: false,
        retry: { retries: this.options.retries ?? 5, initialRetryTime: 200, maxRetryTime: 5_000 },
      });
      this.connecting = producer
        .connect()
        .then(() => {
          this.producer = producer;
          return producer;
        })
        .finally(() => {
          this.connecting = undefined;
        });
    }
    return this.connecting;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer === undefined) return;
    try {
      await producer.disconnect();
    } catch (err) {
      this.logger.debug(errorFields(err), 'Kafka producer disconnect failed');
    }
  }
}
