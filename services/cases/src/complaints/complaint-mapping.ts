/** Conversions between stored complaints and the ComplaintService proto. */
import { partsFromIso } from '@posa/platform';
import type { Complaint } from '@posa/proto';
import { complaintOverdue, type ComplaintRow } from './complaint-record';

const date = (iso: string | null): Date | undefined => (iso === null ? undefined : new Date(iso));

export function complaintToProto(row: ComplaintRow, today: string): Complaint {
  return {
    complaintId: row.id,
    trackingCode: row.trackingCode,
    source: row.source,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId ?? '',
    managingUnitCode: row.managingUnitCode,
    complainantName: row.complainantName,
    complainantCitizenId: row.complainantCitizenId ?? '',
    complainantPhone: row.complainantPhone ?? '',
    content: row.content,
    status: row.status,
    answer: row.answer ?? '',
    receivedAt: new Date(row.receivedAt),
    dueOn: partsFromIso(row.dueOn),
    overdue: complaintOverdue(row, today),
    answeredAt: date(row.answeredAt),
    closedAt: date(row.closedAt),
    version: row.version,
  };
}
