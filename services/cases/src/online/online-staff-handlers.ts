/**
 * The staff side of online applications: list and read within jurisdiction (lists mask the
 * applicant's citizen ID), read a clean attachment (recorded as a step), decline with a reason.
 */
import { isInJurisdiction, NATIONAL_UNIT_CODE, principalOf, type Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  type CallContext,
} from '@posa/platform';
import type {
  DeclineOnlineApplicationRequest,
  DeclineOnlineApplicationResponse,
  GetOnlineApplicationRequest,
  GetOnlineApplicationResponse,
  GetOnlineAttachmentRequest,
  GetOnlineAttachmentResponse,
  ListOnlineApplicationsRequest,
  ListOnlineApplicationsResponse,
} from '@posa/proto';
import type { Units } from '@posa/units';
import type { CasesDeps } from '../deps';
import { validateText } from '../domain/case-input';
import type { ApplicationStatus } from './citizen-status';
import { loadAttachments, loadAttachmentWithContent } from './attachment-store';
import { assertDecidingOfficer, assertStaffReader, readableApplication } from './online-access';
import { applicationToProto, attachmentToProto } from './online-mapping';
import {
  appendApplicationStep,
  listApplications,
  loadApplication,
  recordOutcome,
} from './online-store';
import { decodePageToken, encodePageToken, pageSizeOf } from './page-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkUuid(id: string, field: string): string {
  if (!UUID.test(id)) throw new InvalidArgumentError(field, 'must be an id (uuid)');
  return id.toLowerCase();
}

export interface UnitScope {
  communeCode?: string;
  provinceCode?: string;
}

/** Commune, province or VN (empty: the caller's unit), within the caller's jurisdiction. */
export function unitScopeOf(principal: Principal, unitCode: string, units: Units): UnitScope {
  const unit = unitCode === '' ? principal.unitCode : unitCode;
  let scope: UnitScope;
  if (unit === NATIONAL_UNIT_CODE) scope = {};
  else if (units.isProvince(unit)) scope = { provinceCode: unit };
  else if (units.provinceOfCommune(unit) !== undefined) scope = { communeCode: unit };
  else
    throw new InvalidArgumentError(
      'unit_code',
      'is not a province or commune of the 2025 structure',
    );
  if (!isInJurisdiction(principal, unit, units.tree)) {
    throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
  }
  return scope;
}

const STATUSES: readonly ApplicationStatus[] = ['received', 'accepted', 'declined'];

function statusFilterOf(raw: string): ApplicationStatus | undefined {
  if (raw === '') return undefined;
  const found = STATUSES.find((s) => s === raw);
  if (found === undefined)
    throw new InvalidArgumentError('status', 'must be received, accepted or declined');
  return found;
}

export function onlineStaffHandlers(deps: CasesDeps) {
  const { pool, units, today } = deps;

  async function listOnlineApplications(
    request: ListOnlineApplicationsRequest,
    ctx: CallContext,
  ): Promise<ListOnlineApplicationsResponse> {
    const principal = principalOf(ctx);
    assertStaffReader(principal);
    const scope = unitScopeOf(principal, request.unitCode, units);
    const status = statusFilterOf(request.status);
    const limit = pageSizeOf(request.page?.pageSize ?? 0);
    const pageScope = `online|${request.unitCode || principal.unitCode}|${request.status}`;
    const after = decodePageToken(pageScope, request.page?.pageToken ?? '');
    const rows = await listApplications(pool, { ...scope, status, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const attachments = await loadAttachments(
      pool,
      page.map((r) => r.id),
    );
    const last = page.at(-1);
    return {
      applications: page.map((r) =>
        applicationToProto(r, attachments.get(r.id) ?? [], today(), true),
      ),
      page: {
        nextPageToken:
          rows.length > limit && last !== undefined
            ? encodePageToken(pageScope, { receivedAt: last.receivedAt, id: last.id })
            : '',
      },
    };
  }

  async function getOnlineApplication(
    request: GetOnlineApplicationRequest,
    ctx: CallContext,
  ): Promise<GetOnlineApplicationResponse> {
    const principal = principalOf(ctx);
    assertStaffReader(principal);
    const id = checkUuid(request.applicationId, 'application_id');
    const row = readableApplication(principal, await loadApplication(pool, id), id, units);
    const attachments = (await loadAttachments(pool, [id])).get(id) ?? [];
    return { application: applicationToProto(row, attachments, today(), false) };
  }

  async function getOnlineAttachment(
    request: GetOnlineAttachmentRequest,
    ctx: CallContext,
  ): Promise<GetOnlineAttachmentResponse> {
    const principal = principalOf(ctx);
    assertStaffReader(principal);
    const id = checkUuid(request.applicationId, 'application_id');
    const attachmentId = checkUuid(request.attachmentId, 'attachment_id');
    readableApplication(principal, await loadApplication(pool, id), id, units);
    const found = await loadAttachmentWithContent(pool, id, attachmentId);
    if (found === undefined) throw new NotFoundError(`attachment ${attachmentId} not found`);
    if (found.attachment.scanStatus !== 'clean') {
      throw new FailedPreconditionError(
        `attachment ${attachmentId} is not clean (${found.attachment.scanStatus})`,
      );
    }
    // Who opened which citizen file, and when (personal data: Decree 13/2023).
    await appendApplicationStep(pool, {
      applicationId: id,
      step: 'attachment_read',
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      at: new Date().toISOString(),
      note: attachmentId,
    });
    return { attachment: attachmentToProto(found.attachment), content: found.content };
  }

  async function declineOnlineApplication(
    request: DeclineOnlineApplicationRequest,
    ctx: CallContext,
  ): Promise<DeclineOnlineApplicationResponse> {
    const principal = principalOf(ctx);
    const id = checkUuid(request.applicationId, 'application_id');
    const reason = validateText(request.reason, 'reason', 1000, true);
    return withTransaction(pool, async (client) => {
      const row = assertDecidingOfficer(principal, await loadApplication(client, id, true), id);
      if (row.status !== 'received') {
        throw new FailedPreconditionError(`online application ${id} is already ${row.status}`);
      }
      const at = new Date().toISOString();
      const next = await recordOutcome(
        client,
        id,
        { status: 'declined', reason },
        principal.userId,
        at,
      );
      await appendApplicationStep(client, {
        applicationId: id,
        step: 'declined',
        actorId: principal.userId,
        actorUnitCode: principal.unitCode,
        at,
        note: null,
      });
      const attachments = (await loadAttachments(client, [id])).get(id) ?? [];
      return { application: applicationToProto(next, attachments, today(), false) };
    });
  }

  return {
    listOnlineApplications,
    getOnlineApplication,
    getOnlineAttachment,
    declineOnlineApplication,
  };
}
