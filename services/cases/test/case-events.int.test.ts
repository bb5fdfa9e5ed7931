import { randomBytes } from 'node:crypto';
import { KafkaEventConsumer } from '@posa/events';
import { CaseApproved, CaseRejected, CaseSubmitted, EntitlementChanged } from '@posa/proto';
import { getKafkaBrokers } from '@posa/testing';
import {
  application,
  approvedCase,
  COMMUNE,
  elderly,
  registerHousehold,
  type Registered,
} from './case-fixtures';
import { startHarness, type Harness } from './harness';

/**
 * Events of the cases service: written to posa_outbox in the transaction of each step and
 * published by the outbox relay to the real Kafka (EVENTS_TRANSPORT=kafka).
 */
const TOPIC = 'posa.cases.events.v1';
let h: Harness;
let consumer: KafkaEventConsumer;
let officer: Record<string, string>;
let approver: Record<string, string>;
let reg: Registered;

beforeAll(async () => {
  const brokers = await getKafkaBrokers();
  h = await startHarness('events', {
    today: () => '2026-03-20',
    env: { EVENTS_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers.join(',') },
  });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  reg = await registerHousehold(h, officer, [elderly]);
  await h.app.pool.query(
    'CREATE TABLE received_event (id text PRIMARY KEY, type text, subject text, payload bytea)',
  );
  consumer = new KafkaEventConsumer({
    brokers,
    groupId: `cases-events-test-${randomBytes(4).toString('hex')}`,
    topics: [TOPIC],
    pool: h.app.pool,
    handler: async (event, client) => {
      await client.query('INSERT INTO received_event VALUES ($1, $2, $3, $4)', [
        event.id,
        event.type,
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

interface OutboxEventRow {
  id: string;
  event_type: string;
  payload: Buffer;
}

async function outboxOf(caseId: string): Promise<OutboxEventRow[]> {
  const res = await h.app.pool.query<OutboxEventRow>(
    `SELECT id::text AS id, event_type, payload FROM posa_outbox
     WHERE topic = $1 AND aggregate_id = $2 ORDER BY seq`,
    [TOPIC, caseId],
  );
  return res.rows;
}

it('writes each step’s events with the change, and EntitlementChanged decodes', async () => {
  const c = await approvedCase(h, officer, approver, reg, { decisionNumber: '31/QĐ-UBND' });
  const rows = await outboxOf(c.caseId);
  expect(rows.map((r) => r.event_type)).toEqual([
    'com.posa.cases.case-submitted.v1',
    'com.posa.cases.case-approved.v1',
    'com.posa.cases.entitlement-changed.v1',
  ]);
  expect(CaseSubmitted.decode(rows[0]!.payload)).toMatchObject({
    case: { caseId: c.caseId, communeCode: COMMUNE, provinceCode: '01', version: 1 },
    channel: 'staff',
  });
  // Lifecycle events carry no personal data.
  expect(rows[0]!.payload.toString('utf8')).not.toMatch(/Trần|001150012345/);
  expect(CaseApproved.decode(rows[1]!.payload)).toMatchObject({
    case: { caseId: c.caseId, version: 5 },
    decisionId: c.decisions[0]!.decisionId,
    effectiveMonth: { year: 2026, month: 3 },
    categoryCodes: ['nd20-5a'],
  });
  const changed = EntitlementChanged.decode(rows[2]!.payload);
  expect(changed).toMatchObject({
    sequence: '1',
    fromMonth: { year: 2026, month: 3 },
    decidedInMonth: { year: 2026, month: 3 },
    fullName: 'Trần Thị Lan',
    citizenId: '001150012345',
    paymentChannel: 'bank_transfer',
    bankCode: 'VBSP',
    accountNumber: '1234567890',
  });
  // 76 years old: group 5a at 1.5 until the 80th birthday (March 2030), then 2.0.
  expect(changed.segments).toEqual([
    expect.objectContaining({
      fromMonth: { year: 2026, month: 3 },
      amountVnd: '750000',
      coefficientHundredths: 150,
      baseLevelVnd: '500000',
      categoryCode: 'nd20-5a',
      decisionId: c.decisions[0]!.decisionId,
    }),
    expect.objectContaining({
      amountVnd: '1000000',
      coefficientHundredths: 200,
      toMonth: undefined,
    }),
  ]);
});

it('writes CaseRejected with the rejection', async () => {
  const c = (await h.cases.call('submitApplication', application(reg), { metadata: officer }))
    .case!;
  await h.cases.call(
    'rejectCase',
    {
      caseId: c.caseId,
      expectedVersion: 1,
      reason: 'Không đủ điều kiện',
      decisionNumber: '32/QĐ-UBND',
      signedOn: { year: 2026, month: 3, day: 20 },
      signer: 'Chủ tịch UBND',
    },
    { metadata: approver },
  );
  const rows = await outboxOf(c.caseId);
  expect(rows.map((r) => r.event_type)).toEqual([
    'com.posa.cases.case-submitted.v1',
    'com.posa.cases.case-rejected.v1',
  ]);
  expect(CaseRejected.decode(rows[1]!.payload).case!.version).toBe(2);
});

it('publishes the events to Kafka keyed by the case', async () => {
  const c = (await h.cases.call('submitApplication', application(reg), { metadata: officer }))
    .case!;
  const [row] = await outboxOf(c.caseId);
  // Waits for delivery (bounded by the jest timeout); asserts nothing about speed.
  for (;;) {
    const res = await h.app.pool.query('SELECT * FROM received_event WHERE id = $1', [row!.id]);
    if (res.rows.length > 0) {
      expect(res.rows[0]).toMatchObject({
        type: 'com.posa.cases.case-submitted.v1',
        subject: c.caseId,
      });
      expect(CaseSubmitted.decode(res.rows[0].payload as Buffer).case!.caseId).toBe(c.caseId);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});
