/** An online application as stored (online_application with its attachments' metadata). */
import type { CaseKind, PaymentFacts } from '../domain/case-record';
import type { AttachmentMediaType } from './attachment-type';
import type { ApplicationStatus } from './citizen-status';
import type { ApplicantFacts } from './online-input';

export interface OnlineApplicationRow extends PaymentFacts {
  id: string;
  trackingCode: string;
  kind: CaseKind;
  status: ApplicationStatus;
  applicant: ApplicantFacts;
  filedByName: string | null;
  filedByRelation: string | null;
  circumstances: string;
  suggestedCategoryCode: string | null;
  sourceDigest: string;
  receivedAt: string;
  /** YYYY-MM-DD in Vietnam. */
  receivedOn: string;
  dueOn: string;
  caseId: string | null;
  declineReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

export type ScanStatus = 'pending' | 'clean' | 'infected' | 'failed';

export interface AttachmentRow {
  id: string;
  applicationId: string;
  position: number;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  scanStatus: ScanStatus;
  scanner: string;
}

/** Overdue: still waiting for acceptance after its due date. */
export function applicationOverdue(
  row: Pick<OnlineApplicationRow, 'status' | 'dueOn'>,
  today: string,
): boolean {
  return row.status === 'received' && today > row.dueOn;
}
