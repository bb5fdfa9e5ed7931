/**
 * The three ways the ledger-replay bench reads the same events: a bare Kafka consumer that only
 * counts records (the baseline), the payments service's own consumption (startEventConsumption:
 * a Kafka consumer group, the inbox and one transaction per event through the ledger's handler)
 * and the in-process batch path (decodeLedgerEvent + applyLedgerBatch, no Kafka). Each returns
 * the seconds from its first record to its last.
 */
import type pg from 'pg';
import {
  createKafka,
  defaultPartitioner,
  startEventConsumption,
  toKafkaMessage,
  type PublishedEvent,
} from '@posa/events';
import type { Logger } from '@posa/platform';
import { applyLedgerBatch } from '../../../services/payments/src/ledger/ledger-apply';
import { ledgerEventHandler } from '../../../services/payments/src/ledger/ledger-consumer';
import {
  decodeLedgerEvent,
  type LedgerEvent,
} from '../../../services/payments/src/ledger/ledger-event';

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes the events to `topic` in batches (idempotent producer, acks from all replicas). */
export async function publish(
  brokers: string[],
  topic: string,
  events: readonly PublishedEvent[],
): Promise<number> {
  const producer = createKafka({ brokers, clientId: 'bench-ledger-publish' }).producer({
    createPartitioner: defaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const started = process.hrtime.bigint();
  try {
    for (let i = 0; i < events.length; i += 1_000) {
      const messages = events.slice(i, i + 1_000).map((e) => toKafkaMessage(e));
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    }
    return seconds(started);
  } finally {
    await producer.disconnect();
  }
}

/** Baseline: a consumer group that reads every record of the topic and only counts them. */
export async function countOnly(
  brokers: string[],
  topic: string,
  group: string,
  expected: number,
): Promise<number> {
  const consumer = createKafka({ brokers, clientId: group }).consumer({ groupId: group });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let count = 0;
  let first: bigint | undefined;
  let last: bigint | undefined;
  await consumer.run({
    eachBatch: async ({ batch }) => {
      first ??= process.hrtime.bigint();
      count += batch.messages.length;
      if (count >= expected) last ??= process.hrtime.bigint();
      await Promise.resolve();
    },
  });
  while (last === undefined) await pause(20);
  await consumer.disconnect();
  return Number(last - first!) / 1e9;
}

/** The service's path: Kafka consumer group, inbox, one transaction per event. */
export async function consumeIntoLedger(
  pool: pg.Pool,
  brokers: string[],
  topic: string,
  group: string,
  expected: number,
  logger: Logger,
): Promise<number> {
  let first: bigint | undefined;
  const handler = ledgerEventHandler(logger);
  const consumption = await startEventConsumption({
    service: group,
    topics: [topic],
    pool,
    transport: 'kafka',
    brokers,
    logger,
    handler: (event, client) => {
      first ??= process.hrtime.bigint();
      return handler(event, client);
    },
  });
  const stats = consumption.kafka!.stats;
  while (stats.applied + stats.duplicates + stats.deadLettered < expected) await pause(20);
  const elapsed = seconds(first!);
  await consumption.stop();
  if (stats.deadLettered > 0) throw new Error(`${stats.deadLettered} events were dead-lettered`);
  return elapsed;
}

/** The in-process path: decode every event, apply them in one transaction per batch. */
export async function applyInBatches(
  pool: pg.Pool,
  events: readonly PublishedEvent[],
  batchSize: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < events.length; i += batchSize) {
    const decoded: LedgerEvent[] = [];
    for (const e of events.slice(i, i + batchSize)) {
      const event = decodeLedgerEvent(e);
      if (event !== undefined) decoded.push(event);
    }
    const counts = await applyLedgerBatch(pool, decoded);
    if (counts.applied !== decoded.length) {
      throw new Error(`batch at ${i}: ${JSON.stringify(counts)} of ${decoded.length} events`);
    }
  }
  return seconds(started);
}
