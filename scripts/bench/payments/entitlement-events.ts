/**
 * EntitlementChanged events of synthetic entitlements, encoded as the cases service writes them
 * to its outbox and its relay publishes them: protobuf payload, CloudEvents attributes (type
 * com.posa.cases.entitlement-changed.v1, source /services/cases, subject and key = the case id,
 * dataschema posa.events.v1.EntitlementChanged, extension aggregatetype = case).
 *
 * Each case gets its approval (sequence 1, amounts from its first month) and about half of them
 * a later change (sequence 2): a re-rating from the bench month on, as after a policy edit.
 */
import { CasesEvents, serviceSource, serviceTopic, type PublishedEvent } from '@posa/events';
import { monthToProto } from '@posa/platform';
import { EntitlementChanged } from '@posa/proto';
import type { Segment } from '../../../services/cases/src/domain/entitlement-segments';
import { SeededRandom } from '../households/seeded-random';
import type { SyntheticEntitlement } from './synthetic-ledger';

export const CASES_TOPIC = serviceTopic('cases');
const SOURCE = serviceSource('cases');
const DATA_SCHEMA = 'posa.events.v1.EntitlementChanged';

/** A version-4 UUID for event n (the outbox row id of the cases service). */
export function benchEventId(n: number): string {
  return `0000000e-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function payload(
  e: SyntheticEntitlement,
  sequence: number,
  fromMonth: string,
  segments: readonly Segment[],
): Uint8Array {
  return EntitlementChanged.encode({
    case: {
      caseId: e.caseId,
      caseCode: e.caseCode,
      kind: e.kind,
      communeCode: e.communeCode,
      provinceCode: e.provinceCode,
      memberId: e.caseId.replace(/^0000000b/, '00000006'),
      householdId: e.caseId.replace(/^0000000b/, '00000007'),
      version: sequence + 2,
    },
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
    fullName: e.fullName,
    citizenId: e.citizenId,
    paymentChannel: e.channel,
    bankCode: e.bankCode,
    accountNumber: e.accountNumber,
    decidedInMonth: monthToProto(sequence === 1 ? e.decidedInMonth : fromMonth),
    stamp: {
      actorId: 'bench',
      actorUnitCode: e.communeCode,
      sourceAddress: '127.0.0.1',
      at: new Date(Date.UTC(2026, 0, 1)),
      reason: '',
    },
  }).finish();
}

/** The segments from `month` on (the part of the amounts a re-rating announces again). */
function from(segments: readonly Segment[], month: string): Segment[] {
  return segments
    .filter((s) => s.toMonth === null || s.toMonth >= month)
    .map((s) => ({ ...s, fromMonth: s.fromMonth < month ? month : s.fromMonth }));
}

export interface EventStream {
  /** Events in publish order (per case: sequence 1 before 2). */
  events: PublishedEvent[];
  /** Distinct cases among the events. */
  cases: number;
  /** What the ledger owes all of them in the re-rating month. */
  monthTotalVnd: number;
}

/**
 * The first `limit` events of the entitlements; `month` is the re-rating month, `seed` picks
 * who gets one. `expected` is what the ledger must hold once they are applied.
 */
export function entitlementEvents(
  ledger: Iterable<SyntheticEntitlement>,
  month: string,
  seed: number,
  limit: number,
): EventStream {
  const random = new SeededRandom(seed);
  const events: PublishedEvent[] = [];
  let cases = 0;
  let monthTotalVnd = 0;
  const event = (e: SyntheticEntitlement, data: Uint8Array): PublishedEvent => ({
    topic: CASES_TOPIC,
    id: benchEventId(events.length + 1),
    type: CasesEvents.entitlementChanged,
    source: SOURCE,
    subject: e.caseId,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, events.length % 60)).toISOString(),
    dataSchema: DATA_SCHEMA,
    extensions: { aggregatetype: 'case' },
    data,
  });
  for (const e of ledger) {
    if (events.length >= limit) break;
    cases++;
    monthTotalVnd += e.monthAmountVnd;
    events.push(event(e, payload(e, 1, e.fromMonth, e.segments)));
    if (events.length < limit && e.fromMonth < month && random.chance(0.5)) {
      events.push(event(e, payload(e, 2, month, from(e.segments, month))));
    }
  }
  return { events, cases, monthTotalVnd };
}
