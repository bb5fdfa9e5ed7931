/**
 * Requests and answers of CaseVariationService: the decision input (quyết định), the eligibility
 * of a change, the payment account of an accepted transfer, and the answer with the case after
 * the variation and its retroactive difference (truy lĩnh / thu hồi).
 */
import { InvalidArgumentError, firstDayOf, type Month, monthToProto } from '@posa/platform';
import type {
  ArrearsLine as ArrearsLineMessage,
  DecisionInput,
  Eligibility,
  PaymentAccount,
} from '@posa/proto';
import type { ArrearsLine } from '../domain/arrears';
import type { CaseKind, CaseRow, PaymentFacts } from '../domain/case-record';
import type { PeriodEligibility } from '../domain/period-change';
import {
  careSupportTypeInForce,
  categoryInForce,
  type PolicyCatalogue,
} from '../domain/policy-catalogue';
import type { RetroactiveDifference, VariationDecisionInput } from '../domain/variation';
import { loadFlags, loadSteps, type Db } from '../store/case-store';
import { loadDecisions, loadPeriods } from '../store/decision-store';

import {
  caseToProto,
  channelFromProto,
  dateFromProto,
  disabilityFromProto,
  monthFromProto,
} from './case-mapping';
import type { Case } from '@posa/proto';

/** The decision as entered; the checks of its content are validateVariationDecision's. */
export function decisionFromProto(d: DecisionInput | undefined): VariationDecisionInput {
  if (d === undefined) throw new InvalidArgumentError('decision', 'is required');
  const effectiveMonth = monthFromProto(d.effectiveMonth, 'decision.effective_month');
  if (effectiveMonth === undefined) {
    throw new InvalidArgumentError('decision.effective_month', 'is required');
  }
  return {
    number: d.number,
    signedOn: dateFromProto(d.signedOn, 'decision.signed_on'),
    signer: d.signer,
    effectiveMonth,
    reason: d.reason,
  };
}

/**
 * The eligibility of a change: categories (monthly allowance) or the care-support type (care
 * support), each in force in the catalogue on the first day of the effective month.
 */
export function eligibilityFromProto(
  e: Eligibility | undefined,
  kind: CaseKind,
  catalogue: PolicyCatalogue,
  effectiveMonth: Month,
): PeriodEligibility {
  if (e === undefined) throw new InvalidArgumentError('eligibility', 'is required');
  const day = firstDayOf(effectiveMonth);
  const codes = [...new Set(e.categoryCodes.map((c) => c.trim()))];
  const disabilityLevel = disabilityFromProto(e.disabilityLevel, 'eligibility.disability_level');
  if (kind === 'monthly_allowance') {
    if (codes.length === 0 || codes.includes('')) {
      throw new InvalidArgumentError('eligibility.category_codes', 'at least one category code');
    }
    for (const code of codes) {
      if (categoryInForce(catalogue, code, day) === undefined) {
        throw new InvalidArgumentError(
          'eligibility.category_codes',
          `${code} is not a category in force on ${day}`,
        );
      }
    }
    return { categoryCodes: codes, disabilityLevel, careSupportTypeCode: null };
  }
  const type = e.careSupportTypeCode.trim();
  if (type === '' || careSupportTypeInForce(catalogue, type, day) === undefined) {
    throw new InvalidArgumentError(
      'eligibility.care_support_type_code',
      `must be a care-support type in force on ${day}`,
    );
  }
  return { categoryCodes: codes, disabilityLevel, careSupportTypeCode: type };
}

/** Hình thức chi trả of the continuing case after a transfer. */
export function paymentFromProto(p: PaymentAccount | undefined): PaymentFacts {
  if (p === undefined) throw new InvalidArgumentError('payment', 'is required');
  const paymentChannel = channelFromProto(p.channel, 'payment.channel');
  if (paymentChannel !== 'bank_transfer') {
    return { paymentChannel, bankCode: null, accountNumber: null };
  }
  const bankCode = p.bankCode.trim();
  if (bankCode === '' || bankCode.length > 20) {
    throw new InvalidArgumentError('payment.bank_code', 'is required for a bank transfer');
  }
  if (!/^[0-9]{6,19}$/.test(p.accountNumber)) {
    throw new InvalidArgumentError('payment.account_number', 'must be 6 to 19 digits');
  }
  return { paymentChannel, bankCode, accountNumber: p.accountNumber };
}

export function arrearsToProto(lines: readonly ArrearsLine[]): ArrearsLineMessage[] {
  return lines.map((l) => ({
    month: monthToProto(l.month),
    beforeVnd: String(l.beforeVnd),
    afterVnd: String(l.afterVnd),
    deltaVnd: String(l.deltaVnd),
  }));
}

/** What every variation answers: the case as GetCase shows it and the retroactive difference. */
export interface VariationAnswer {
  case: Case;
  arrears: ArrearsLineMessage[];
  arrearsTotalVnd: string;
}

/** The full case with steps, decisions, periods and flags, read with `db`. */
export async function caseMessage(db: Db, row: CaseRow, today: string): Promise<Case> {
  const steps = await loadSteps(db, row.id);
  const decisions = await loadDecisions(db, row.id);
  const periods = await loadPeriods(db, row.id);
  const flags = await loadFlags(db, row.id);
  return caseToProto(row, { steps, decisions, periods, flags }, today);
}

export async function variationAnswer(
  db: Db,
  row: CaseRow,
  difference: RetroactiveDifference,
  today: string,
): Promise<VariationAnswer> {
  return {
    case: await caseMessage(db, row, today),
    arrears: arrearsToProto(difference.lines),
    arrearsTotalVnd: String(difference.totalVnd),
  };
}
