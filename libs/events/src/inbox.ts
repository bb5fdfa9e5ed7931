/**
 * Idempotent handling: the event id goes into `posa_inbox` in the same transaction as the
 * handler's effects. A second delivery of the same id finds the row and is skipped.
 */
import { withTransaction } from '@posa/db';
import type { Pool } from 'pg';
import type { EventHandler, ReceivedEvent } from './received-event';

export type InboxOutcome = 'applied' | 'duplicate';

export async function handleOnce(
  pool: Pool,
  group: string,
  event: ReceivedEvent,
  handler: EventHandler,
): Promise<InboxOutcome> {
  return withTransaction(pool, async (client) => {
    const inserted = await client.query(
      `INSERT INTO posa_inbox (consumer_group, event_id, topic, partition, kafka_offset)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (consumer_group, event_id) DO NOTHING`,
      [group, event.id, event.topic, event.partition, event.offset],
    );
    if (inserted.rowCount === 0) return 'duplicate';
    await handler(event, client);
    return 'applied';
  });
}
