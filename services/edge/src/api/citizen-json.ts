/**
 * JSON shapes of the citizen online service in the API and the pages: what a citizen may see
 * of an application (status, missing items, decision number, date and first month, reasons;
 * never an amount), the staff view of an online application, and complaints (phản ánh).
 */
import type {
  Complaint,
  OnlineApplicant,
  OnlineApplication,
  OnlineAttachment,
  TrackComplaintResponse,
  TrackOnlineApplicationResponse,
} from '@posa/proto';
import { CASE_KIND_OF_NAME, dayText, monthText, nameIn, type CaseKindName } from './case-json';
import { CHANNEL_OF_NAME } from './case-json';
import { partialDateText } from './household-json';

const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());
const orNull = (s: string): string | null => (s === '' ? null : s);

export interface TrackingJson {
  status: string;
  receivedAt: string | null;
  updatedAt: string | null;
  communeCode: string | null;
  caseCode: string | null;
  missingItems: string[];
  reason: string | null;
  decisionNumber: string | null;
  decisionSignedOn: string | null;
  effectiveMonth: string | null;
}

export function trackingJson(r: TrackOnlineApplicationResponse): TrackingJson {
  return {
    status: r.status,
    receivedAt: iso(r.receivedAt),
    updatedAt: iso(r.updatedAt),
    communeCode: orNull(r.communeCode),
    caseCode: orNull(r.caseCode),
    missingItems: r.missingItems,
    reason: orNull(r.reason),
    decisionNumber: orNull(r.decisionNumber),
    decisionSignedOn: dayText(r.decisionSignedOn),
    effectiveMonth: monthText(r.effectiveMonth),
  };
}

export interface ComplaintTrackingJson {
  status: string;
  receivedAt: string | null;
  dueOn: string | null;
  answer: string | null;
  answeredAt: string | null;
}

export function complaintTrackingJson(r: TrackComplaintResponse): ComplaintTrackingJson {
  return {
    status: r.status,
    receivedAt: iso(r.receivedAt),
    dueOn: dayText(r.dueOn),
    answer: orNull(r.answer),
    answeredAt: iso(r.answeredAt),
  };
}

export interface AttachmentJson {
  attachmentId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  scanStatus: string;
}

export function attachmentJson(a: OnlineAttachment): AttachmentJson {
  return {
    attachmentId: a.attachmentId,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: Number(a.sizeBytes),
    sha256: a.sha256,
    scanStatus: a.scanStatus,
  };
}

export interface ApplicantJson {
  fullName: string;
  dateOfBirth: string | null;
  sex: string | null;
  citizenId: string;
  phone: string | null;
  email: string | null;
  communeCode: string;
  streetAddress: string;
}

function applicantJson(a: OnlineApplicant | undefined): ApplicantJson {
  return {
    fullName: a?.fullName ?? '',
    dateOfBirth: partialDateText(a?.dateOfBirth),
    sex: orNull(a?.sex ?? ''),
    citizenId: a?.citizenId ?? '',
    phone: orNull(a?.phone ?? ''),
    email: orNull(a?.email ?? ''),
    communeCode: a?.communeCode ?? '',
    streetAddress: a?.streetAddress ?? '',
  };
}

export interface OnlineApplicationJson {
  applicationId: string;
  trackingCode: string;
  kind: CaseKindName | null;
  applicant: ApplicantJson;
  filedByName: string | null;
  filedByRelation: string | null;
  circumstances: string;
  suggestedCategoryCode: string | null;
  payment: { channel: string | null; bankCode: string | null; accountNumber: string | null };
  attachments: AttachmentJson[];
  status: string;
  caseId: string | null;
  declineReason: string | null;
  receivedAt: string | null;
  dueOn: string | null;
  overdue: boolean;
}

export function onlineApplicationJson(a: OnlineApplication): OnlineApplicationJson {
  return {
    applicationId: a.applicationId,
    trackingCode: a.trackingCode,
    kind: nameIn(CASE_KIND_OF_NAME, a.kind),
    applicant: applicantJson(a.applicant),
    filedByName: orNull(a.filedByName),
    filedByRelation: orNull(a.filedByRelation),
    circumstances: a.circumstances,
    suggestedCategoryCode: orNull(a.suggestedCategoryCode),
    payment: {
      channel: nameIn(CHANNEL_OF_NAME, a.payment?.channel ?? 0),
      bankCode: orNull(a.payment?.bankCode ?? ''),
      accountNumber: orNull(a.payment?.accountNumber ?? ''),
    },
    attachments: a.attachments.map(attachmentJson),
    status: a.status,
    caseId: orNull(a.caseId),
    declineReason: orNull(a.declineReason),
    receivedAt: iso(a.receivedAt),
    dueOn: dayText(a.dueOn),
    overdue: a.overdue,
  };
}

export interface ComplaintJson {
  complaintId: string;
  trackingCode: string;
  source: string;
  subjectKind: string;
  subjectId: string | null;
  managingUnitCode: string;
  complainantName: string;
  complainantCitizenId: string | null;
  complainantPhone: string | null;
  content: string;
  status: string;
  answer: string | null;
  receivedAt: string | null;
  dueOn: string | null;
  overdue: boolean;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
}

export function complaintJson(c: Complaint): ComplaintJson {
  return {
    complaintId: c.complaintId,
    trackingCode: c.trackingCode,
    source: c.source,
    subjectKind: c.subjectKind,
    subjectId: orNull(c.subjectId),
    managingUnitCode: c.managingUnitCode,
    complainantName: c.complainantName,
    complainantCitizenId: orNull(c.complainantCitizenId),
    complainantPhone: orNull(c.complainantPhone),
    content: c.content,
    status: c.status,
    answer: orNull(c.answer),
    receivedAt: iso(c.receivedAt),
    dueOn: dayText(c.dueOn),
    overdue: c.overdue,
    answeredAt: iso(c.answeredAt),
    closedAt: iso(c.closedAt),
    version: c.version,
  };
}

/** The message of an answer (the service always sends it). */
export function answered<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the service answered without the ${what}`);
  return value;
}
