/**
 * FileComplaint: by staff (any role), or by the edge's service account for a citizen. The
 * managing unit is the commune of the case or online application named, else the commune
 * given. One transaction with the first step; citizens' complaints count against the same
 * abuse limits as online applications.
 */
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { principalOf, type Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  addWorkingDays,
  type CallContext,
  InvalidArgumentError,
  PUBLIC_HOLIDAY_DAYS,
  ResourceExhaustedError,
  sourceAddressOf,
} from '@posa/platform';
import type { FileComplaintRequest, FileComplaintResponse } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { validateText } from '../domain/case-input';
import { assertCaseReadable } from '../grpc/case-access';
import { readableApplication } from '../online/online-access';
import type { OnlineSettings } from '../online/online-settings';
import { loadApplication } from '../online/online-store';
import { loadWorkingDays } from '../online/time-limit-store';
import { newTrackingCode } from '../online/tracking-code';
import { loadCase } from '../store/case-store';
import { assertFiler } from './complaint-access';
import { validateComplaint, type ComplaintInput } from './complaint-input';
import { complaintToProto } from './complaint-mapping';
import type { ComplaintRow } from './complaint-record';
import {
  appendComplaintStep,
  complaintCodeTaken,
  insertComplaint,
  recentCitizenComplaints,
} from './complaint-store';

export type ComplaintLimits = Pick<OnlineSettings, 'maxPerCitizenPerDay' | 'maxPerSourcePerHour'>;

/** The commune that must answer: from the case or application named, else the one given. */
async function managingUnitOf(
  deps: CasesDeps,
  principal: Principal,
  input: ComplaintInput,
): Promise<string> {
  let fromSubject: string | undefined;
  if (input.subjectKind === 'case' && input.subjectId !== null) {
    const row = await loadCase(deps.pool, input.subjectId);
    fromSubject = assertCaseReadable(principal, row, input.subjectId, deps).communeCode;
  } else if (input.subjectKind === 'online_application' && input.subjectId !== null) {
    const row = await loadApplication(deps.pool, input.subjectId);
    fromSubject = readableApplication(principal, row, input.subjectId, deps.units).applicant
      .communeCode;
  }
  if (fromSubject !== undefined) {
    if (input.managingUnitCode !== '' && input.managingUnitCode !== fromSubject) {
      throw new InvalidArgumentError(
        'managing_unit_code',
        'must be empty or the commune of the subject',
      );
    }
    return fromSubject;
  }
  if (deps.units.provinceOfCommune(input.managingUnitCode) === undefined) {
    throw new InvalidArgumentError('managing_unit_code', 'is not a commune of the 2025 structure');
  }
  return input.managingUnitCode;
}

async function freshCode(client: pg.PoolClient): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    if (!(await complaintCodeTaken(client, code))) return code;
  }
}

async function checkCitizenLimits(
  client: pg.PoolClient,
  citizenId: string,
  sourceDigest: string,
  limits: ComplaintLimits,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `complaint-citizen:${citizenId}`,
  ]);
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `complaint-source:${sourceDigest}`,
  ]);
  const recent = await recentCitizenComplaints(client, citizenId, sourceDigest, new Date());
  if (recent.byCitizen >= limits.maxPerCitizenPerDay) {
    throw new ResourceExhaustedError(
      `at most ${limits.maxPerCitizenPerDay} complaints per citizen ID in 24 hours`,
    );
  }
  if (recent.bySource >= limits.maxPerSourcePerHour) {
    throw new ResourceExhaustedError(
      `at most ${limits.maxPerSourcePerHour} complaints from one address in an hour`,
    );
  }
}

export function fileComplaintHandler(deps: CasesDeps, limits: ComplaintLimits) {
  return async function fileComplaint(
    request: FileComplaintRequest,
    ctx: CallContext,
  ): Promise<FileComplaintResponse> {
    const principal = principalOf(ctx);
    assertFiler(principal);
    const source = principal.isService ? 'citizen' : 'staff';
    const input = validateComplaint(request, source);
    const unit = await managingUnitOf(deps, principal, input);
    const address =
      validateText(request.sourceAddress, 'source_address', 100, false) || sourceAddressOf(ctx);
    const sourceDigest = createHash('sha256').update(address).digest('hex');
    const today = deps.today();
    return withTransaction(deps.pool, async (client) => {
      if (source === 'citizen') {
        await checkCitizenLimits(client, input.complainantCitizenId ?? '', sourceDigest, limits);
      }
      const days = await loadWorkingDays(client, 'complaint_answer');
      const at = new Date().toISOString();
      const row: ComplaintRow = {
        id: randomUUID(),
        trackingCode: await freshCode(client),
        source,
        ...input,
        managingUnitCode: unit,
        provinceCode: deps.units.provinceOfCommune(unit) ?? '',
        status: 'open',
        answer: null,
        receivedAt: at,
        receivedOn: today,
        dueOn: addWorkingDays(today, days, PUBLIC_HOLIDAY_DAYS),
        answeredAt: null,
        closedAt: null,
        sourceDigest,
        filedBy: principal.userId,
        version: 1,
        updatedAt: at,
      };
      await insertComplaint(client, row);
      await appendComplaintStep(client, {
        complaintId: row.id,
        step: 'filed',
        actorId: principal.userId,
        actorUnitCode: principal.unitCode,
        at,
        fromUnitCode: null,
        toUnitCode: unit,
        note: null,
      });
      return { complaint: complaintToProto(row, today) };
    });
  };
}
