/**
 * Rules of a payment result (kết quả chi trả) of one line of a closed payroll, without I/O.
 * paid: đã chi trả, on a date not in the future; unpaid: chưa chi trả, with the reason (the
 * amount is owed again and carried over); returned: hoàn trả by the agent, with the reason
 * (not re-paid automatically). paid, returned and pending (no result yet) settle the line's
 * months; unpaid does not.
 */

export const OUTCOMES = ['paid', 'unpaid', 'returned'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type LineOutcome = Outcome | 'pending';

const OUTCOME_WORDS: Record<string, Outcome> = {
  paid: 'paid',
  unpaid: 'unpaid',
  returned: 'returned',
  'đã chi trả': 'paid',
  'đã chi': 'paid',
  'chưa chi trả': 'unpaid',
  'chưa chi': 'unpaid',
  'hoàn trả': 'returned',
  'trả lại': 'returned',
};

/** The outcome named by a code or its Vietnamese words; undefined when it names none. */
export function outcomeOf(text: string): Outcome | undefined {
  return OUTCOME_WORDS[text.normalize('NFC').trim().toLowerCase()];
}

/** Whether a line with this outcome settles the months of its items. */
export function settles(outcome: LineOutcome): boolean {
  return outcome !== 'unpaid';
}

export interface ResultInput {
  outcome: Outcome;
  /** Trimmed; required for unpaid and returned. */
  reason: string;
  /** YYYY-MM-DD, required for paid only. */
  paidOn: string | undefined;
}

export interface Problem {
  field: 'outcome' | 'reason' | 'paid_on';
  reason: string;
}

export const MAX_REASON_LENGTH = 500;

/** What is wrong with a result (empty when it can be recorded); `today` is YYYY-MM-DD. */
export function resultProblems(input: ResultInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (input.outcome === 'paid') {
    if (input.paidOn === undefined)
      problems.push({ field: 'paid_on', reason: 'is required for paid' });
    else if (input.paidOn > today)
      problems.push({ field: 'paid_on', reason: `is after today (${today})` });
  } else {
    if (input.paidOn !== undefined) {
      problems.push({ field: 'paid_on', reason: `must be empty for ${input.outcome}` });
    }
    if (input.reason === '') {
      problems.push({ field: 'reason', reason: `is required for ${input.outcome}` });
    }
  }
  if (input.reason.length > MAX_REASON_LENGTH) {
    problems.push({ field: 'reason', reason: `is longer than ${MAX_REASON_LENGTH} characters` });
  }
  return problems;
}

/** A payroll of the same commune after the result's month. */
export interface LaterPayroll {
  month: string;
  status: 'draft' | 'approved' | 'closed';
}

/**
 * Why an existing result may not be replaced, or undefined when it may. A result can be
 * corrected while the commune's next payroll is not closed. A correction that changes whether
 * the line is settled (unpaid ↔ paid/returned) is also refused once a later payroll is approved:
 * that payroll already carries over (or not) the amount, and paying it twice must be impossible.
 * A first result (pending before) is always accepted on a closed payroll.
 */
export function correctionProblem(
  previous: LineOutcome,
  next: Outcome,
  later: readonly LaterPayroll[],
): string | undefined {
  if (previous === 'pending') return undefined;
  const closed = later.find((p) => p.status === 'closed');
  if (closed !== undefined) {
    return `can no longer be corrected: the payroll of ${closed.month} is closed`;
  }
  const approved = later.find((p) => p.status === 'approved');
  if (approved !== undefined && settles(previous) !== settles(next)) {
    return (
      `cannot change from ${previous} to ${next}: the payroll of ${approved.month} is approved ` +
      'with the amount as it was'
    );
  }
  return undefined;
}
