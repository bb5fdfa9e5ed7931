/**
 * Variations of a decided case (điều chỉnh, tạm dừng, tiếp tục, thôi hưởng, chuyển đi): which
 * cases may be varied, the status and step each variation leads to, the checks of the variation
 * decision (quyết định) and the retroactive difference (truy lĩnh / thu hồi) of the months that
 * were already due when it was signed.
 */
import {
  FailedPreconditionError,
  InvalidArgumentError,
  addMonths,
  compareMonths,
  monthOfDate,
  type Month,
} from '@posa/platform';
import { arrearsBetween, type ArrearsLine } from './arrears';
import type { CaseStatus } from './case-record';
import type { BeneficiaryFacts } from './coefficient';
import { entitlementSchedule, type CaseKind, type PeriodInput } from './entitlement';
import type { PolicyCatalogue } from './policy-catalogue';

export type VariationKind =
  'category_change' | 'suspension' | 'resumption' | 'termination' | 'transfer_out';

/** Grounds of thôi hưởng. */
export const TERMINATION_GROUNDS = ['deceased', 'not_eligible', 'moved_away'] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

/** Statuses in which an allowance runs or is held, and so can be varied. */
const VARIABLE_STATUSES = ['active', 'suspended'];

/** The decision of a variation as entered, dates as YYYY-MM-DD and months as YYYY-MM. */
export interface VariationDecisionInput {
  number: string;
  signedOn: string;
  signer: string;
  effectiveMonth: Month;
  reason: string;
}

/** Refuses a case that is not active or suspended, naming its status. */
export function assertVariable(status: string): void {
  if (!VARIABLE_STATUSES.includes(status)) {
    throw new FailedPreconditionError(
      `case is ${status}: only an active or suspended case can be varied`,
    );
  }
}

/** The case status after a variation. */
export function statusAfter(kind: VariationKind, current: CaseStatus): CaseStatus {
  switch (kind) {
    case 'category_change':
      return current;
    case 'suspension':
      return 'suspended';
    case 'resumption':
      return 'active';
    case 'termination':
      return 'terminated';
    case 'transfer_out':
      return 'transferred';
  }
}

/** The case_step recorded for a variation. */
export const STEP_OF: Readonly<Record<VariationKind | 'transfer_in', string>> = {
  category_change: 'category_changed',
  suspension: 'suspended',
  resumption: 'resumed',
  termination: 'terminated',
  transfer_out: 'transferred_out',
  transfer_in: 'transferred_in',
};

/** The CloudEvents type (short form) of the CaseVaried event of a variation. */
export const EVENT_TYPE_OF: Readonly<Record<VariationKind | 'transfer_in', string>> = {
  category_change: 'case-varied',
  suspension: 'case-suspended',
  resumption: 'case-resumed',
  termination: 'case-terminated',
  transfer_out: 'case-transferred',
  transfer_in: 'case-transferred',
};

export function parseGround(text: string): TerminationGround {
  const ground = TERMINATION_GROUNDS.find((g) => g === text);
  if (ground === undefined) {
    throw new InvalidArgumentError('ground', `must be one of ${TERMINATION_GROUNDS.join(', ')}`);
  }
  return ground;
}

function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new InvalidArgumentError(field, 'is required');
  if (text.length > max) throw new InvalidArgumentError(field, `must be at most ${max} characters`);
  return text;
}

/**
 * Checks the decision of a variation: number, signer and reason given, signed on a real day
 * not after today. The effective month is checked against the periods by planPeriodChange.
 */
export function validateVariationDecision(
  input: VariationDecisionInput,
  today: string,
): VariationDecisionInput {
  const number = requiredText(input.number, 'decision.number', 50);
  const signer = requiredText(input.signer, 'decision.signer', 200);
  const reason = requiredText(input.reason, 'decision.reason', 2000);
  if (input.signedOn > today) {
    throw new InvalidArgumentError('decision.signed_on', `must not be after today (${today})`);
  }
  return { number, signedOn: input.signedOn, signer, effectiveMonth: input.effectiveMonth, reason };
}

/**
 * The months a decision signed on `signedOn` changes retroactively: from the effective month to
 * the month before the signing month (months already due). Null when there are none.
 */
export function retroactiveWindow(
  effectiveMonth: Month,
  signedOn: string,
): { from: Month; to: Month } | null {
  const to = addMonths(monthOfDate(signedOn), -1);
  return compareMonths(effectiveMonth, to) <= 0 ? { from: effectiveMonth, to } : null;
}

export interface RetroactiveDifference {
  lines: ArrearsLine[];
  /** Positive = truy lĩnh (arrears owed), negative = thu hồi (recovery). */
  totalVnd: number;
}

/** What the months already due were owed before the decision against what they are owed after. */
export function retroactiveDifference(
  catalogue: PolicyCatalogue,
  kind: CaseKind,
  person: BeneficiaryFacts,
  before: readonly PeriodInput[],
  after: readonly PeriodInput[],
  effectiveMonth: Month,
  signedOn: string,
): RetroactiveDifference {
  const window = retroactiveWindow(effectiveMonth, signedOn);
  if (window === null) return { lines: [], totalVnd: 0 };
  const was = entitlementSchedule(catalogue, kind, person, before, window.from, window.to);
  const now = entitlementSchedule(catalogue, kind, person, after, window.from, window.to);
  return arrearsBetween(was, now);
}
