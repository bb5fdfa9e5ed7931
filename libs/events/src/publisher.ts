/** The seam between the outbox relay and where events go (Kafka or the in-process bus). */
import type { CloudEvent } from './envelope';

/** An event on its way to a topic; its key is `subject` (the aggregate id). */
export interface PublishedEvent extends CloudEvent {
  topic: string;
}

export interface EventPublisher {
  /**
   * Publishes the events in the given order per key. Resolves only once every event is
   * durably accepted; rejects if any was not (the caller retries the whole list).
   */
  publish(events: PublishedEvent[]): Promise<void>;
}
