/**
 * Shared pieces of the payroll and ledger tests: decoded ledger events built by hand (applied
 * with applyLedgerBatch, the bulk path), a Kafka consumer group of the ledger that starts at the
 * topic's end as of the test (other test runs share the topic), snapshots of the ledger tables
 * and polling.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createKafka, ensureTopics, topicCatalogue } from '@posa/events';
import { createLogger } from '@posa/platform';
import { getKafkaBrokers } from '@posa/testing';
import { Sex, type MemberInput, type PayrollLine } from '@posa/proto';
import type { Month } from '@posa/platform';
import {
  CASES_TOPIC,
  startLedgerConsumer,
  type LedgerConsumer,
} from '../src/ledger/ledger-consumer';
import type { EntitlementEvent, LedgerSegment } from '../src/ledger/ledger-event';

export interface CaseSpec {
  caseId?: string;
  communeCode: string;
  provinceCode: string;
  sequence?: number;
  fromMonth: Month;
  amountVnd: number;
  toMonth?: Month | null;
  channel?: EntitlementEvent['paymentChannel'];
  bankCode?: string;
  accountNumber?: string;
  citizenId?: string;
}

/** An EntitlementChanged as the ledger decodes it: one segment from `fromMonth` on. */
export function entitlement(spec: CaseSpec): EntitlementEvent {
  const caseId = spec.caseId ?? randomUUID();
  const segment: LedgerSegment = {
    fromMonth: spec.fromMonth,
    toMonth: spec.toMonth ?? null,
    amountVnd: spec.amountVnd,
    coefficientHundredths: 150,
    baseLevelVnd: spec.amountVnd === 0 ? 0 : Math.round((spec.amountVnd * 100) / 150),
    categoryCode: 'nd20-5a',
    decisionId: randomUUID(),
  };
  return {
    change: 'entitlement',
    eventId: randomUUID(),
    caseId,
    communeCode: spec.communeCode,
    provinceCode: spec.provinceCode,
    caseCode: `TC-${spec.communeCode}-2026-${caseId.slice(0, 6)}`,
    caseKind: 'monthly_allowance',
    sequence: spec.sequence ?? 1,
    fromMonth: spec.fromMonth,
    decidedInMonth: spec.fromMonth,
    segments: spec.amountVnd === 0 ? [] : [segment],
    fullName: 'Người hưởng thử',
    citizenId:
      spec.citizenId ??
      `0011500${String(randomBytes(3).readUIntBE(0, 3) % 100000).padStart(5, '0')}`,
    paymentChannel: spec.channel ?? 'cash_at_commune',
    bankCode: spec.bankCode ?? '',
    accountNumber: spec.accountNumber ?? '',
  };
}

/** Polls until `check` holds; the test's own timeout bounds the wait. */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still waiting for ${what}`);
}

/** The ledger tables of some cases, in a stable order, for exact comparison. */
export async function ledgerSnapshot(pool: pg.Pool, caseIds: readonly string[]) {
  const q = async (sql: string) => (await pool.query(sql, [caseIds])).rows;
  return {
    cases: await q(
      `SELECT case_id, case_code, kind, commune_code, province_code, last_sequence, full_name,
              citizen_id, payment_channel, bank_code, account_number, death_month::text
         FROM ledger_case WHERE case_id = ANY($1::uuid[]) ORDER BY case_id`,
    ),
    segments: await q(
      `SELECT case_id, from_month::text, to_month::text, amount_vnd, coefficient_hundredths,
              base_level_vnd, category_code, decision_id
         FROM ledger_segment WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, from_month`,
    ),
    changes: await q(
      `SELECT event_id, case_id, commune_code, change, sequence, from_month::text,
              decided_in_month::text
         FROM ledger_change WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, event_id`,
    ),
  };
}

const silent = createLogger({ service: 'payments-test', level: 'silent' });

/**
 * A ledger consumer group of its own on the real topic, whose committed offsets are set to
 * `from` (the topic's end when the test began): it reads everything published since, exactly
 * as the `payments` group reads the topic from its beginning.
 */
export class LedgerFeed {
  private constructor(
    readonly brokers: string[],
    readonly from: Array<{ partition: number; offset: string }>,
  ) {}

  static async atTopicEnd(): Promise<LedgerFeed> {
    const brokers = await getKafkaBrokers();
    const spec = topicCatalogue.find((t) => t.name === CASES_TOPIC)!;
    await ensureTopics(brokers, [spec]);
    const admin = createKafka({ brokers, clientId: 'payments-test-admin' }).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(CASES_TOPIC);
      return new LedgerFeed(
        brokers,
        offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Starts a new group at `from` applying into `pool`. */
  async start(pool: pg.Pool, name: string): Promise<LedgerConsumer> {
    const group = `payments-test-${name}-${randomBytes(4).toString('hex')}`;
    const admin = createKafka({ brokers: this.brokers, clientId: 'payments-test-admin' }).admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: group, topic: CASES_TOPIC, partitions: this.from });
    } finally {
      await admin.disconnect();
    }
    return startLedgerConsumer({
      pool,
      transport: 'kafka',
      brokers: this.brokers,
      logger: silent,
      group,
    });
  }
}

/** A household head of 1950 (group 5a); the citizen ID is 092150 + `serial` (not ending in 0). */
export function member(name: string, serial: string): MemberInput {
  return {
    fullName: name,
    dateOfBirth: { year: 1950, month: 3, day: 14 },
    sex: Sex.SEX_FEMALE,
    ethnicGroupCode: '01',
    citizenId: `092150${serial}`,
    relation: 'head',
  };
}

/** A variation decision signed on `signedOn` (YYYY-MM-DD), effective from `effective` (YYYY-MM). */
export function decision(number: string, signedOn: string, effective: Month) {
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  return {
    number,
    signedOn: { year: y, month: m, day: d },
    signer: 'Chủ tịch UBND phường',
    effectiveMonth: { year: Number(effective.slice(0, 4)), month: Number(effective.slice(5, 7)) },
    reason: 'Theo hồ sơ',
  };
}

/** The items of each line by case code: [year-month, kind, amount]. */
export function itemsOf(lines: readonly PayrollLine[]) {
  return Object.fromEntries(
    lines.map((l) => [
      l.caseCode,
      l.items.map((i) => [`${i.forMonth!.year}-${i.forMonth!.month}`, i.kind, Number(i.amountVnd)]),
    ]),
  );
}
