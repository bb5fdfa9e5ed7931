/**
 * Writes domain events to `posa_outbox` in the caller's transaction. The outbox relay
 * (@posa/events) publishes them afterwards in `seq` order.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** One event to append. */
export interface OutboxEvent {
  /** CloudEvents id (uuid); generated with crypto.randomUUID() when absent. */
  id?: string;
  /** Kafka topic, e.g. posa.identity.events.v1. */
  topic: string;
  aggregateType: string;
  /** Kafka message key: events of one aggregate stay in order. */
  aggregateId: string;
  /** CloudEvents type, e.g. com.posa.identity.account-created.v1. */
  type: string;
  /** CloudEvents source, e.g. /services/identity. */
  source: string;
  /** Protobuf-encoded payload. */
  payload: Uint8Array;
  /** Extra string headers, e.g. traceparent. */
  headers?: Record<string, string>;
}

/** A row of `posa_outbox` as node-postgres returns it (bigint seq as string). */
export interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  source: string;
  payload: Buffer;
  headers: Record<string, string>;
  occurred_at: Date;
  published_at: Date | null;
}

/** An event failed validation; `field` names the offending field. */
export class OutboxValidationError extends Error {
  readonly field: string;
  readonly index: number;

  constructor(index: number, field: string, reason: string) {
    super(`outbox event [${index}].${field} ${reason}`);
    this.name = 'OutboxValidationError';
    this.index = index;
    this.field = field;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_FIELDS = ['topic', 'aggregateType', 'aggregateId', 'type', 'source'] as const;
const COLUMNS = 8;
/** PostgreSQL allows 65535 parameters per statement; 8 columns per event. */
export const MAX_OUTBOX_BATCH = 8000;

/** Checks every field of every event; throws OutboxValidationError for the first bad one. */
export function validateOutboxEvents(events: readonly OutboxEvent[]): void {
  if (!Array.isArray(events)) throw new TypeError('appendToOutbox: events must be an array');
  if (events.length > MAX_OUTBOX_BATCH) {
    throw new RangeError(
      `appendToOutbox: at most ${MAX_OUTBOX_BATCH} events per call, got ${events.length}`,
    );
  }
  events.forEach((event, index) => {
    if (typeof event !== 'object' || event === null)
      throw new OutboxValidationError(index, '(event)', 'must be an object');
    if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) {
      throw new OutboxValidationError(index, 'id', 'must be a uuid');
    }
    for (const field of TEXT_FIELDS) {
      const value: unknown = event[field];
      if (typeof value !== 'string' || value.trim().length === 0) {
        throw new OutboxValidationError(index, field, 'must be a non-empty string');
      }
    }
    if (!(event.payload instanceof Uint8Array)) {
      throw new OutboxValidationError(index, 'payload', 'must be a Uint8Array (protobuf-encoded)');
    }
    if (event.headers !== undefined) {
      if (
        typeof event.headers !== 'object' ||
        event.headers === null ||
        Array.isArray(event.headers)
      ) {
        throw new OutboxValidationError(index, 'headers', 'must be an object of strings');
      }
      for (const [name, value] of Object.entries(event.headers)) {
        if (typeof value !== 'string')
          throw new OutboxValidationError(index, `headers.${name}`, 'must be a string');
      }
    }
  });
  const ids = events.map((event) => event.id).filter((id): id is string => id !== undefined);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw new OutboxValidationError(
      ids.lastIndexOf(duplicate),
      'id',
      'is used twice in this batch',
    );
  }
}

/**
 * Appends events with one multi-row INSERT and returns their ids in input order.
 * Call it with the client of an open transaction (e.g. inside withTransaction) so the
 * events commit or roll back with the change they describe; it never opens one itself.
 */
export async function appendToOutbox(
  client: pg.PoolClient | pg.Client,
  events: OutboxEvent[],
): Promise<string[]> {
  validateOutboxEvents(events);
  if (events.length === 0) return [];
  const ids: string[] = [];
  const params: unknown[] = [];
  const tuples: string[] = [];
  events.forEach((event, index) => {
    const id = event.id ?? randomUUID();
    ids.push(id);
    params.push(
      id,
      event.topic,
      event.aggregateType,
      event.aggregateId,
      event.type,
      event.source,
      Buffer.from(event.payload.buffer, event.payload.byteOffset, event.payload.byteLength),
      JSON.stringify(event.headers ?? {}),
    );
    const base = index * COLUMNS;
    tuples.push(
      `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8}::jsonb)`,
    );
  });
  // VALUES rows are inserted in list order, so seq follows the order of `events`.
  await client.query(
    `INSERT INTO posa_outbox (id, topic, aggregate_type, aggregate_id, event_type, source, payload, headers)
     VALUES ${tuples.join(',\n            ')}`,
    params,
  );
  return ids;
}
