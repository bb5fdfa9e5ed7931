/**
 * TrackOnlineApplication: the status a citizen may see, for the tracking code AND the
 * citizen ID. A wrong pair gives NOT_FOUND with one message whichever half is wrong.
 */
import { timingSafeEqual } from 'node:crypto';
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  NotFoundError,
  partsFromIso,
  type CallContext,
} from '@posa/platform';
import type { TrackOnlineApplicationRequest, TrackOnlineApplicationResponse } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { loadCase, loadDecisions, type Db } from '../store/case-store';
import { citizenView, type CaseView, type DecisionView } from './citizen-status';
import { assertCitizenChannel } from './online-access';
import { findByTrackingCode } from './online-store';
import { normaliseTrackingCode } from './tracking-code';

/** Equal strings, compared in constant time for equal lengths. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The tracking code and citizen ID of a public lookup, well-formed. */
export function trackingPairOf(request: { trackingCode: string; citizenId: string }): {
  code: string;
  citizenId: string;
} {
  const code = normaliseTrackingCode(request.trackingCode);
  if (code === undefined)
    throw new InvalidArgumentError('tracking_code', 'must be 10 letters or digits');
  const citizenId = request.citizenId.trim();
  if (!/^[0-9]{12}$/.test(citizenId)) {
    throw new InvalidArgumentError('citizen_id', 'must be exactly 12 digits');
  }
  return { code, citizenId };
}

/** The linked case as the citizen may see it: status, missing items, the deciding decisions. */
async function caseViewOf(db: Db, caseId: string): Promise<CaseView | null> {
  const row = await loadCase(db, caseId);
  if (row === undefined) return null;
  const decisions = await loadDecisions(db, caseId);
  const last = (kind: 'approval' | 'rejection'): DecisionView | null => {
    const d = decisions.filter((x) => x.kind === kind).at(-1);
    return d === undefined
      ? null
      : {
          number: d.number,
          signedOn: d.signedOn,
          effectiveMonth: d.effectiveMonth,
          reason: d.reason,
        };
  };
  return {
    code: row.code,
    status: row.status,
    missingItems: row.missingItems,
    updatedAt: row.updatedAt,
    approval: last('approval'),
    rejection: last('rejection'),
  };
}

export function trackHandler(deps: Pick<CasesDeps, 'pool'>) {
  return async function trackOnlineApplication(
    request: TrackOnlineApplicationRequest,
    ctx: CallContext,
  ): Promise<TrackOnlineApplicationResponse> {
    assertCitizenChannel(principalOf(ctx));
    const { code, citizenId } = trackingPairOf(request);
    const row = await findByTrackingCode(deps.pool, code);
    if (row === undefined || !sameSecret(row.applicant.citizenId, citizenId)) {
      throw new NotFoundError('no online application with this tracking code and citizen ID');
    }
    const linked = row.caseId === null ? null : await caseViewOf(deps.pool, row.caseId);
    const view = citizenView(row, linked);
    const month = view.decision?.effectiveMonth ?? null;
    return {
      status: view.status,
      receivedAt: new Date(row.receivedAt),
      communeCode: row.applicant.communeCode,
      missingItems: view.missingItems,
      reason: view.reason,
      decisionNumber: view.decision?.number ?? '',
      decisionSignedOn: view.decision === null ? undefined : partsFromIso(view.decision.signedOn),
      effectiveMonth:
        month === null
          ? undefined
          : { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) },
      caseCode: view.caseCode,
      updatedAt: new Date(view.updatedAt),
    };
  };
}
