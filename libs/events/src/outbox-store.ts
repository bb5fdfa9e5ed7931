/** The SQL the outbox relay runs against `posa_outbox` (platform table of every service database). */
import type { ClientBase, Pool } from 'pg';
import type { OutboxRow } from '@posa/db';
import type { EventsLogger } from './logger';
import type { PublishedEvent } from './publisher';
import { findEventType } from './topics';

/** A `posa_outbox` row as the relay reads it: stored headers are checked, not trusted. */
export type UnpublishedRow = Omit<OutboxRow, 'headers' | 'published_at'> & {
  headers: Record<string, unknown> | null;
};

/** A pool or a single connection. */
export type Queryable = Pool | ClientBase;

const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;
const CORE_ATTRIBUTES = new Set([
  'specversion',
  'id',
  'type',
  'source',
  'subject',
  'time',
  'dataschema',
]);

/** Unpublished rows with seq above `afterSeq`, oldest first. */
export async function readUnpublished(
  client: ClientBase,
  limit: number,
  afterSeq = '0',
): Promise<UnpublishedRow[]> {
  const result = await client.query<UnpublishedRow>(
    `SELECT seq, id, topic, aggregate_type, aggregate_id, event_type, source, payload, headers, occurred_at
       FROM posa_outbox
      WHERE published_at IS NULL AND seq > $2
      ORDER BY seq
      LIMIT $1`,
    [limit, afterSeq],
  );
  return result.rows;
}

export async function markPublished(client: ClientBase, seqs: string[]): Promise<number> {
  const result = await client.query(
    'UPDATE posa_outbox SET published_at = now() WHERE seq = ANY($1::bigint[]) AND published_at IS NULL',
    [seqs],
  );
  return result.rowCount ?? 0;
}

export interface OutboxLag {
  unpublished: number;
  /** Age of the oldest unpublished row in seconds; 0 when there is none. */
  oldestAgeSeconds: number;
}

export async function readLag(client: Queryable): Promise<OutboxLag> {
  const result = await client.query<{ unpublished: string; age: string | null }>(
    `SELECT count(*) AS unpublished, extract(epoch FROM now() - min(occurred_at)) AS age
       FROM posa_outbox WHERE published_at IS NULL`,
  );
  const row = result.rows[0];
  return {
    unpublished: Number(row?.unpublished ?? 0),
    oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)),
  };
}

/** Deletes rows published more than `days` days ago, at most `limit` per call. */
export async function purgePublished(
  client: Queryable,
  days: number,
  limit = 10_000,
): Promise<number> {
  const result = await client.query(
    `DELETE FROM posa_outbox
      WHERE seq IN (SELECT seq FROM posa_outbox
                     WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)
                     ORDER BY seq LIMIT $2)`,
    [days, limit],
  );
  return result.rowCount ?? 0;
}

/**
 * Maps a row to the event to publish. Stored headers `traceparent`, `tracestate` and
 * `dataschema` become attributes; other headers with valid extension names become
 * extensions; `dataschema` falls back to the catalogue's payload message.
 */
export function rowToEvent(row: UnpublishedRow, logger: EventsLogger): PublishedEvent {
  const event: PublishedEvent = {
    topic: row.topic,
    id: row.id,
    type: row.event_type,
    source: row.source,
    subject: row.aggregate_id,
    time: row.occurred_at.toISOString(),
    data: row.payload,
    extensions: { aggregatetype: row.aggregate_type },
  };
  for (const [name, value] of Object.entries(row.headers ?? {})) {
    if (typeof value !== 'string') continue;
    if (name === 'traceparent') event.traceparent = value;
    else if (name === 'tracestate') event.tracestate = value;
    else if (name === 'dataschema') event.dataSchema = value;
    else if (EXTENSION_NAME.test(name) && !CORE_ATTRIBUTES.has(name))
      event.extensions![name] = value;
    else
      logger.warn(
        { seq: row.seq, header: name },
        'outbox header ignored: not a valid extension name',
      );
  }
  event.dataSchema ??= findEventType(row.topic, row.event_type)?.message;
  if (event.dataSchema === undefined) delete event.dataSchema;
  return event;
}
