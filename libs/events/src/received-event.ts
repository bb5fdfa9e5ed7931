import type { PoolClient } from 'pg';
import type { CloudEvent } from './envelope';

/** An event as a consumer sees it, with where it was read from. */
export interface ReceivedEvent extends CloudEvent {
  topic: string;
  partition: number;
  /** Kafka offset (a decimal string), or the in-process bus's sequence number. */
  offset: string;
}

/**
 * Applies one event. `client` is inside the transaction that also records the event in
 * the inbox: write the effects with it and they commit together, exactly once.
 */
export type EventHandler = (event: ReceivedEvent, client: PoolClient) => Promise<void>;
