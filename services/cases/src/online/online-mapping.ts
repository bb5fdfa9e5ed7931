/** Conversions between stored online applications and the OnlineApplicationService proto. */
import { partsFromIso } from '@posa/platform';
import type { OnlineApplicant, OnlineApplication, OnlineAttachment } from '@posa/proto';
import { channelToProto, kindToProto, maskCitizenId } from '../grpc/case-mapping';
import type { ApplicantFacts } from './online-input';
import { applicationOverdue, type AttachmentRow, type OnlineApplicationRow } from './online-record';

export function attachmentToProto(a: AttachmentRow): OnlineAttachment {
  return {
    attachmentId: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: String(a.sizeBytes),
    sha256: a.sha256,
    scanStatus: a.scanStatus,
  };
}

function applicantToProto(p: ApplicantFacts, masked: boolean): OnlineApplicant {
  return {
    fullName: p.fullName,
    dateOfBirth: { year: p.birthYear, month: p.birthMonth ?? 0, day: p.birthDay ?? 0 },
    sex: p.sex,
    citizenId: masked ? maskCitizenId(p.citizenId) : p.citizenId,
    phone: p.phone,
    email: p.email ?? '',
    communeCode: p.communeCode,
    streetAddress: p.streetAddress,
  };
}

/** The application as staff see it; `masked` (lists) hides all but the ID's last digits. */
export function applicationToProto(
  row: OnlineApplicationRow,
  attachments: readonly AttachmentRow[],
  today: string,
  masked: boolean,
): OnlineApplication {
  return {
    applicationId: row.id,
    trackingCode: row.trackingCode,
    kind: kindToProto(row.kind),
    applicant: applicantToProto(row.applicant, masked),
    filedByName: row.filedByName ?? '',
    filedByRelation: row.filedByRelation ?? '',
    circumstances: row.circumstances,
    suggestedCategoryCode: row.suggestedCategoryCode ?? '',
    payment: {
      channel: channelToProto(row.paymentChannel),
      bankCode: row.bankCode ?? '',
      accountNumber: row.accountNumber ?? '',
    },
    attachments: attachments.map(attachmentToProto),
    status: row.status,
    caseId: row.caseId ?? '',
    declineReason: row.declineReason ?? '',
    receivedAt: new Date(row.receivedAt),
    dueOn: partsFromIso(row.dueOn),
    overdue: applicationOverdue(row, today),
  };
}
