/**
 * The events of posa.cases.events.v1 the ledger follows, decoded and checked:
 * EntitlementChanged (the amounts from a month on and the payee) and CaseVaried for a
 * termination because the person died (thôi hưởng vì chết). Every other event type is of no
 * concern to the ledger (undefined).
 */
import { type Month } from '@posa/platform';
import { CasesEvents, type CloudEvent } from '@posa/events';
import { CaseVaried, EntitlementChanged, type CaseRef } from '@posa/proto';
import { monthFromProto } from '../domain/month';
import { isPaymentChannel, type PaymentChannel } from '../domain/payment-account';

export interface LedgerSegment {
  fromMonth: Month;
  /** Inclusive; null = open-ended. */
  toMonth: Month | null;
  amountVnd: number;
  coefficientHundredths: number;
  baseLevelVnd: number;
  categoryCode: string;
  decisionId: string;
}

interface LedgerCaseRef {
  eventId: string;
  caseId: string;
  communeCode: string;
  provinceCode: string;
}

export interface EntitlementEvent extends LedgerCaseRef {
  change: 'entitlement';
  caseCode: string;
  caseKind: string;
  sequence: number;
  fromMonth: Month;
  decidedInMonth: Month | null;
  segments: LedgerSegment[];
  fullName: string;
  citizenId: string;
  paymentChannel: PaymentChannel;
  bankCode: string;
  accountNumber: string;
}

export interface DeathEvent extends LedgerCaseRef {
  change: 'death';
  /** The termination's effective month: nothing is paid from it on. */
  effectiveMonth: Month;
}

export type LedgerEvent = EntitlementEvent | DeathEvent;

/** A payload that cannot be applied; the consumer retries, then dead-letters it. */
export class LedgerEventError extends Error {
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'LedgerEventError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refOf(eventId: string, ref: CaseRef | undefined): LedgerCaseRef {
  if (ref === undefined) throw new LedgerEventError('case', 'missing');
  if (!UUID.test(ref.caseId)) throw new LedgerEventError('case.case_id', 'not a UUID');
  if (!/^[0-9]{5}$/.test(ref.communeCode))
    throw new LedgerEventError('case.commune_code', 'not a commune code');
  if (!/^[0-9]{2}$/.test(ref.provinceCode))
    throw new LedgerEventError('case.province_code', 'not a province code');
  return {
    eventId,
    caseId: ref.caseId,
    communeCode: ref.communeCode,
    provinceCode: ref.provinceCode,
  };
}

function vnd(text: string, field: string): number {
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new LedgerEventError(field, 'must be a non-negative safe integer VND');
  }
  return value;
}

function month(value: { year: number; month: number } | undefined, field: string): Month {
  try {
    return monthFromProto(value, field);
  } catch (err) {
    throw new LedgerEventError(field, (err as Error).message);
  }
}

function decodeEntitlement(event: CloudEvent): EntitlementEvent {
  const m = EntitlementChanged.decode(event.data);
  const sequence = Number(m.sequence);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new LedgerEventError('sequence', 'must be a positive integer');
  }
  if (!isPaymentChannel(m.paymentChannel)) {
    throw new LedgerEventError('payment_channel', `unknown channel ${m.paymentChannel}`);
  }
  const segments = m.segments.map((s, i): LedgerSegment => {
    const fromMonth = month(s.fromMonth, `segments[${i}].from_month`);
    const toMonth = s.toMonth === undefined ? null : month(s.toMonth, `segments[${i}].to_month`);
    if (toMonth !== null && toMonth < fromMonth) {
      throw new LedgerEventError(`segments[${i}].to_month`, 'is before from_month');
    }
    return {
      fromMonth,
      toMonth,
      amountVnd: vnd(s.amountVnd, `segments[${i}].amount_vnd`),
      coefficientHundredths: s.coefficientHundredths,
      baseLevelVnd: vnd(s.baseLevelVnd, `segments[${i}].base_level_vnd`),
      categoryCode: s.categoryCode,
      decisionId: s.decisionId,
    };
  });
  return {
    ...refOf(event.id, m.case),
    change: 'entitlement',
    caseCode: m.case?.caseCode ?? '',
    caseKind: m.case?.kind ?? '',
    sequence,
    fromMonth: month(m.fromMonth, 'from_month'),
    decidedInMonth:
      m.decidedInMonth === undefined ? null : month(m.decidedInMonth, 'decided_in_month'),
    segments,
    fullName: m.fullName,
    citizenId: m.citizenId,
    paymentChannel: m.paymentChannel,
    bankCode: m.bankCode,
    accountNumber: m.accountNumber,
  };
}

/** The ledger's view of an event, or undefined when the ledger does not follow it. */
export function decodeLedgerEvent(event: CloudEvent): LedgerEvent | undefined {
  if (event.type === CasesEvents.entitlementChanged) return decodeEntitlement(event);
  if (event.type === CasesEvents.caseTerminated) {
    const m = CaseVaried.decode(event.data);
    if (m.variation !== 'termination' || m.ground !== 'deceased') return undefined;
    return {
      ...refOf(event.id, m.case),
      change: 'death',
      effectiveMonth: month(m.effectiveMonth, 'effective_month'),
    };
  }
  return undefined;
}
