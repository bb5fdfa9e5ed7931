/**
 * Events of the cases service, written to the outbox in the transaction of the change (topic
 * posa.cases.events.v1, key = the case id). Lifecycle events carry ids, unit codes and
 * category codes. EntitlementChanged also carries the payee (name, citizen ID, account): the
 * payments service builds payrolls (chi trả) from this topic alone, and the topic is restricted.
 */
import { type Month, monthToProto } from '@posa/platform';
import type pg from 'pg';
import { appendToOutbox } from '@posa/db';
import { CasesEvents, serviceSource, serviceTopic } from '@posa/events';
import { EntitlementChanged, type CaseRef } from '@posa/proto';
import { factsOf, periodInputsOf, type CaseRow, type PeriodRow } from '../domain/case-record';
import { entitlementSegments } from '../domain/entitlement-segments';
import type { PolicyCatalogue } from '../domain/policy-catalogue';

export const CASES_TOPIC = serviceTopic('cases');
export const CASES_SOURCE = serviceSource('cases');
export const CaseEventTypes = CasesEvents;

/** Who changed the case, when and from where (AuditStamp without a reason). */
export interface EventStamp {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

export function auditStampOf(s: EventStamp) {
  return { ...s, reason: '' };
}

/** The common part of the lifecycle events (the version after the change). */
export function caseRefOf(row: CaseRow): CaseRef {
  return {
    caseId: row.id,
    caseCode: row.code,
    kind: row.kind,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    memberId: row.memberId,
    householdId: row.householdId,
    version: row.version,
  };
}

/** Appends one event of the case to the outbox; `payload` is the encoded protobuf message. */
export async function recordCaseEvent(
  client: pg.PoolClient,
  caseRow: CaseRow,
  type: string,
  payload: Uint8Array,
): Promise<void> {
  await appendToOutbox(client, [
    {
      topic: CASES_TOPIC,
      aggregateType: 'case',
      aggregateId: caseRow.id,
      type,
      source: CASES_SOURCE,
      payload,
    },
  ]);
}

/** Next value of the case's EntitlementChanged sequence (1, 2, …). */
export async function nextEntitlementSequence(
  client: pg.PoolClient,
  caseId: string,
): Promise<number> {
  const res = await client.query<{ last_value: string }>(
    `INSERT INTO entitlement_sequence (case_id, last_value) VALUES ($1, 1)
     ON CONFLICT (case_id) DO UPDATE SET last_value = entitlement_sequence.last_value + 1
     RETURNING last_value`,
    [caseId],
  );
  return Number(res.rows[0]!.last_value);
}

export interface EntitlementChange {
  /** The case after the change (payee fields come from it). */
  caseRow: CaseRow;
  /** All periods of the case after the change. */
  periods: readonly PeriodRow[];
  catalogue: PolicyCatalogue;
  /** Amounts from this month on replace what was known before. */
  fromMonth: Month;
  /** The month the decision was signed. */
  decidedInMonth: Month;
  stamp: EventStamp;
}

/**
 * Appends EntitlementChanged: the segments of the case's amounts from `fromMonth` on, with
 * the next sequence of the case. Returns the sequence.
 */
export async function recordEntitlementChanged(
  client: pg.PoolClient,
  change: EntitlementChange,
): Promise<number> {
  const { caseRow, catalogue, fromMonth } = change;
  const segments = entitlementSegments(
    catalogue,
    caseRow.kind,
    factsOf(caseRow),
    periodInputsOf(change.periods),
    fromMonth,
  );
  const sequence = await nextEntitlementSequence(client, caseRow.id);
  const payload = EntitlementChanged.encode({
    case: caseRefOf(caseRow),
    sequence: String(sequence),
    fromMonth: monthToProto(fromMonth),
    segments: segments.map((s) => ({
      fromMonth: monthToProto(s.fromMonth),
      toMonth: s.toMonth === null ? undefined : monthToProto(s.toMonth),
      amountVnd: String(s.amountVnd),
      coefficientHundredths: s.coefficientHundredths,
      baseLevelVnd: String(s.baseLevelVnd),
      categoryCode: s.categoryCode,
      decisionId: s.decisionId,
    })),
    fullName: caseRow.fullName,
    citizenId: caseRow.citizenId ?? '',
    paymentChannel: caseRow.paymentChannel,
    bankCode: caseRow.bankCode ?? '',
    accountNumber: caseRow.accountNumber ?? '',
    decidedInMonth: monthToProto(change.decidedInMonth),
    stamp: auditStampOf(change.stamp),
  }).finish();
  await recordCaseEvent(client, caseRow, CasesEvents.entitlementChanged, payload);
  return sequence;
}
