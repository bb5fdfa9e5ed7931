/** Conversions between review requests and the ReviewRoundService proto. */
import { InvalidArgumentError, partsFromIso } from '@posa/platform';
import {
  ReviewRequestForm,
  ReviewRequestStatus,
  type ReviewRequest as ProtoRequest,
} from '@posa/proto';
import {
  statusOfRequest,
  type RequestStatus,
  type ReviewRequestRecord,
} from '../store/request-store';

const STATUS: Record<RequestStatus, ReviewRequestStatus> = {
  pending: ReviewRequestStatus.REVIEW_REQUEST_STATUS_PENDING,
  in_round: ReviewRequestStatus.REVIEW_REQUEST_STATUS_IN_ROUND,
  refused: ReviewRequestStatus.REVIEW_REQUEST_STATUS_REFUSED,
};

/** undefined for UNSPECIFIED (every status). */
export function requestStatusFromProto(status: ReviewRequestStatus): RequestStatus | undefined {
  if (status === ReviewRequestStatus.REVIEW_REQUEST_STATUS_UNSPECIFIED) return undefined;
  const found = (Object.keys(STATUS) as RequestStatus[]).find((k) => STATUS[k] === status);
  if (found === undefined)
    throw new InvalidArgumentError('status', 'must be PENDING, IN_ROUND or REFUSED');
  return found;
}

export function requestToProto(r: ReviewRequestRecord): ProtoRequest {
  return {
    id: r.id,
    householdId: r.householdId,
    householdCode: r.householdCode,
    communeCode: r.communeCode,
    year: r.year,
    form:
      r.form === '01'
        ? ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_01
        : ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04,
    receivedOn: partsFromIso(r.receivedOn),
    note: r.note,
    status: STATUS[statusOfRequest(r)],
    roundId: r.roundId ?? '',
    refusal:
      r.refusal === null
        ? undefined
        : {
            documentNumber: r.refusal.documentNumber,
            refusedOn: partsFromIso(r.refusal.refusedOn),
            reason: r.refusal.reason,
            signer: r.refusal.signer,
          },
  };
}
