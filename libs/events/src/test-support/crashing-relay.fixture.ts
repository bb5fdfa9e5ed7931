/**
 * A relay process that kills itself (SIGKILL) right after publishing its Nth batch and
 * before marking it: a crash between publish and mark, for relay-failover.int.test.ts.
 * Env: DATABASE_URL, KAFKA_BROKERS, CRASH_AFTER_BATCHES, BATCH_SIZE.
 */
import { createPool } from '@posa/db';
import { KafkaEventPublisher } from '../producer';
import { OutboxRelay } from '../relay';

const crashAfter = Number(process.env.CRASH_AFTER_BATCHES);
let batches = 0;
const pool = createPool({ url: process.env.DATABASE_URL!, max: 2 });
const publisher = new KafkaEventPublisher({
  brokers: process.env.KAFKA_BROKERS!.split(','),
  clientId: 'it-crashing-relay',
});
const relay = new OutboxRelay({
  pool,
  publisher,
  name: 'crashing',
  batchSize: Number(process.env.BATCH_SIZE),
  idleIntervalMs: 20,
  afterPublish: () => {
    batches += 1;
    if (batches === crashAfter) process.kill(process.pid, 'SIGKILL');
  },
});
relay.start();
