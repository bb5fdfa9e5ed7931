/**
 * A complaint about data (phản ánh, kiến nghị): its states and the rules of its steps. open →
 * answered (trả lời) → closed; while open it may be rerouted to the commune that really
 * manages the record. The time limit runs from receipt and does not restart on a reroute.
 */
import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';

export const SUBJECT_KINDS = ['case', 'household', 'online_application', 'other'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type ComplaintStatus = 'open' | 'answered' | 'closed';
export type ComplaintSource = 'staff' | 'citizen';

export interface ComplaintRow {
  id: string;
  trackingCode: string;
  source: ComplaintSource;
  subjectKind: SubjectKind;
  subjectId: string | null;
  managingUnitCode: string;
  provinceCode: string;
  complainantName: string;
  complainantCitizenId: string | null;
  complainantPhone: string | null;
  content: string;
  status: ComplaintStatus;
  answer: string | null;
  receivedAt: string;
  receivedOn: string;
  dueOn: string;
  answeredAt: string | null;
  closedAt: string | null;
  sourceDigest: string;
  filedBy: string;
  version: number;
  updatedAt: string;
}

/** Overdue (quá hạn): still unanswered after its due date. */
export function complaintOverdue(
  row: Pick<ComplaintRow, 'status' | 'dueOn'>,
  today: string,
): boolean {
  return row.status === 'open' && today > row.dueOn;
}

export function assertCanAnswer(row: ComplaintRow): void {
  if (row.status !== 'open') {
    throw new FailedPreconditionError(`complaint ${row.trackingCode} is already ${row.status}`);
  }
}

/** A complaint is closed only after it was answered. */
export function assertCanClose(row: ComplaintRow): void {
  if (row.status !== 'answered') {
    throw new FailedPreconditionError(
      row.status === 'open'
        ? `complaint ${row.trackingCode} must be answered before it is closed`
        : `complaint ${row.trackingCode} is already closed`,
    );
  }
}

export function assertCanReroute(row: ComplaintRow, toUnitCode: string): void {
  if (row.status !== 'open') {
    throw new FailedPreconditionError(
      `complaint ${row.trackingCode} is ${row.status}: only open ones are rerouted`,
    );
  }
  if (toUnitCode === row.managingUnitCode) {
    throw new InvalidArgumentError('managing_unit_code', 'is already the managing unit');
  }
}
