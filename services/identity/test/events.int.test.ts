import { randomBytes } from 'node:crypto';
import { KafkaEventConsumer } from '@posa/events';
import { AccountCreated, NationalDomain } from '@posa/proto';
import { getKafkaBrokers } from '@posa/testing';
import { startHarness, type Harness } from './harness';

// Identity in the full-stack mode: the outbox relay publishes to the real Kafka.
let h: Harness;
let consumer: KafkaEventConsumer;
let admin: Record<string, string>;

beforeAll(async () => {
  const brokers = await getKafkaBrokers();
  h = await startHarness('events', { EVENTS_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers.join(',') });
  admin = await h.signIn('padmin', '01', ['unit_admin']);
  await h.app.pool.query(
    'CREATE TABLE received_event (id text PRIMARY KEY, type text, source text, subject text, payload bytea)',
  );
  consumer = new KafkaEventConsumer({
    brokers,
    groupId: `identity-events-test-${randomBytes(4).toString('hex')}`,
    topics: ['posa.identity.events.v1'],
    pool: h.app.pool,
    handler: async (event, client) => {
      await client.query('INSERT INTO received_event VALUES ($1, $2, $3, $4, $5)', [
        event.id,
        event.type,
        event.source,
        event.subject,
        Buffer.from(event.data),
      ]);
    },
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await h?.close();
});

async function eventOf(subject: string): Promise<Record<string, unknown>> {
  // Waits for delivery (bounded by the jest timeout); asserts nothing about speed.
  for (;;) {
    const { rows } = await h.app.pool.query('SELECT * FROM received_event WHERE subject = $1', [
      subject,
    ]);
    if (rows.length > 0) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('publishes AccountCreated to Kafka as a CloudEvent through the outbox relay', async () => {
  const res = await h.accounts.call(
    'createAccount',
    {
      username: h.username('kofficer'),
      displayName: 'Trần Thị Bình',
      unitCode: '00004',
      roles: ['officer'],
      nationalDomain: NationalDomain.NATIONAL_DOMAIN_UNSPECIFIED,
      initialPassword: '',
    },
    { metadata: admin },
  );
  h.provisioned.push(res.account!.subject);
  const id = res.account!.accountId;
  const row = await eventOf(id);
  const outbox = await h.app.pool.query(
    'SELECT id::text FROM posa_outbox WHERE aggregate_id = $1',
    [id],
  );
  expect(row).toMatchObject({
    id: outbox.rows[0].id,
    type: 'com.posa.identity.account-created.v1',
    source: '/services/identity',
  });
  const payload = AccountCreated.decode(row.payload as Buffer);
  expect(payload).toMatchObject({ accountId: id, unitCode: '00004', roles: ['officer'] });
  expect((row.payload as Buffer).toString('utf8')).not.toMatch(/Trần|kofficer/);
}, 60_000);
