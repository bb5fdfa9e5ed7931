/**
 * Reading complaints: staff lists and single complaints within jurisdiction (with the overdue
 * flag; lists mask the complainant's citizen ID), and the citizen's TrackComplaint.
 */
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  NotFoundError,
  partsFromIso,
  type CallContext,
} from '@posa/platform';
import type {
  GetComplaintRequest,
  GetComplaintResponse,
  ListComplaintsRequest,
  ListComplaintsResponse,
  TrackComplaintRequest,
  TrackComplaintResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { assertCitizenChannel } from '../online/online-access';
import { maskCitizenId } from '../grpc/case-mapping';
import { checkUuid, unitScopeOf } from '../online/online-staff-handlers';
import { sameSecret, trackingPairOf } from '../online/online-track';
import { decodePageToken, encodePageToken, pageSizeOf } from '../online/page-token';
import { assertComplaintReader, readableComplaint } from './complaint-access';
import { complaintToProto } from './complaint-mapping';
import type { ComplaintStatus } from './complaint-record';
import { findComplaintByCode, listComplaints, loadComplaint } from './complaint-store';

const STATUSES: readonly ComplaintStatus[] = ['open', 'answered', 'closed'];

function statusFilterOf(raw: string): ComplaintStatus | undefined {
  if (raw === '') return undefined;
  const found = STATUSES.find((s) => s === raw);
  if (found === undefined)
    throw new InvalidArgumentError('status', 'must be open, answered or closed');
  return found;
}

export function complaintReadHandlers(deps: CasesDeps) {
  const { pool, units, today } = deps;

  async function listComplaintsHandler(
    request: ListComplaintsRequest,
    ctx: CallContext,
  ): Promise<ListComplaintsResponse> {
    const principal = principalOf(ctx);
    assertComplaintReader(principal);
    const scope = unitScopeOf(principal, request.unitCode, units);
    const status = statusFilterOf(request.status);
    const limit = pageSizeOf(request.page?.pageSize ?? 0);
    const pageScope = `complaints|${request.unitCode || principal.unitCode}|${request.status}|${request.overdueOnly}`;
    const after = decodePageToken(pageScope, request.page?.pageToken ?? '');
    const rows = await listComplaints(pool, {
      ...scope,
      status,
      overdueOn: request.overdueOnly ? today() : undefined,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      complaints: page.map((r) => {
        const c = complaintToProto(r, today());
        return {
          ...c,
          complainantCitizenId: maskCitizenId(c.complainantCitizenId),
        };
      }),
      page: {
        nextPageToken:
          rows.length > limit && last !== undefined
            ? encodePageToken(pageScope, { receivedAt: last.receivedAt, id: last.id })
            : '',
      },
    };
  }

  async function getComplaint(
    request: GetComplaintRequest,
    ctx: CallContext,
  ): Promise<GetComplaintResponse> {
    const principal = principalOf(ctx);
    assertComplaintReader(principal);
    const id = checkUuid(request.complaintId, 'complaint_id');
    const row = readableComplaint(principal, await loadComplaint(pool, id), id, units);
    return { complaint: complaintToProto(row, today()) };
  }

  async function trackComplaint(
    request: TrackComplaintRequest,
    ctx: CallContext,
  ): Promise<TrackComplaintResponse> {
    assertCitizenChannel(principalOf(ctx));
    const { code, citizenId } = trackingPairOf(request);
    const row = await findComplaintByCode(pool, code);
    if (
      row === undefined ||
      row.complainantCitizenId === null ||
      !sameSecret(row.complainantCitizenId, citizenId)
    ) {
      throw new NotFoundError('no complaint with this tracking code and citizen ID');
    }
    return {
      status: row.status,
      receivedAt: new Date(row.receivedAt),
      answer: row.answer ?? '',
      answeredAt: row.answeredAt === null ? undefined : new Date(row.answeredAt),
      dueOn: partsFromIso(row.dueOn),
    };
  }

  return { listComplaints: listComplaintsHandler, getComplaint, trackComplaint };
}
