/** What the review-round pages share: the detail model, household codes, refusals. */
import type { Request } from 'express';
import { changeJson, meetingJson, roundHouseholdJson, roundJson } from '../api/review-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest, EdgeError, toHttpError } from '../http/errors';
import { isUuid } from '../forms/household-params';
import { nextSteps, villagesWithoutMeeting, type ReviewStep } from '../forms/review-next-steps';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { ReviewGateway } from '../gateways/review-gateway';
import type { FormState } from '../views/account-parts';
import type { PageContext } from '../views/layout';
import type { RoundModel } from '../views/review-round-page';
import { formRefusal } from './household-support';

export interface ReviewPageDeps {
  reviews: ReviewGateway;
  households: HouseholdGateway;
}

/** The round page's model: round, list, meetings, indicators of its standard, next steps. */
export async function roundModel(
  deps: ReviewPageDeps,
  req: Request,
  id: string,
  withResults: boolean,
): Promise<RoundModel> {
  const caller = callerOf(req);
  const found = await deps.reviews.getRound(caller, id);
  if (found.round === undefined) throw new Error('the service answered without the round');
  const round = roundJson(found.round);
  const households = found.households.map(roundHouseholdJson);
  const meetings = found.meetings.map(meetingJson);
  const principal = principalOfRequest(req);
  const steps = nextSteps(round, households, meetings, principal);
  let indicators: RoundModel['indicators'] = [];
  if (steps.has('assess')) {
    const standards = await deps.households.listStandards(caller);
    const standard = standards.standards.find((s) => s.code === round.standardCode);
    indicators = (standard?.indicators ?? []).map((i) => ({ code: i.code, name: i.nameVi }));
  }
  let changes: RoundModel['changes'];
  if (withResults) {
    const res = await deps.reviews.computeResults(caller, id);
    changes = {
      changes: res.changes.map(changeJson),
      unassessed: res.unassessedHouseholdIds.length,
    };
  }
  return {
    roundId: round.id,
    round,
    households,
    meetings,
    steps,
    villagesToMeet: villagesWithoutMeeting(households, meetings),
    indicators,
    standardCode: round.standardCode,
    ...(changes ? { changes } : {}),
  };
}

const HOUSEHOLD_CODE = /^[0-9]{5}-[0-9]{4}-[0-9]{6}$/;

/** A household id typed as its id or its code (mã hộ), found in the caller's reach. */
export async function householdIdOf(
  households: HouseholdGateway,
  req: Request,
  typed: string,
): Promise<string> {
  const value = typed.trim();
  if (isUuid(value)) return value.toLowerCase();
  if (!HOUSEHOLD_CODE.test(value))
    throw badRequest('household_id', 'give the household code, e.g. 00004-2026-000001');
  const found = await households.searchHouseholds(callerOf(req), {
    query: { name: '', citizenId: '', householdCode: value, householdCodePrefix: '' },
    filter: {
      unitCode: '',
      status: 0,
      classificationYear: 0,
      classifications: [],
      includeDeceased: false,
    },
    page: { pageSize: 1, pageToken: '' },
  });
  const hit = found.households[0];
  if (hit === undefined)
    throw badRequest('household_id', 'no household with this code in your unit');
  return hit.householdId;
}

/** A refusal of a step as the form shows it; `deprived_indicator_codes[2]` is shown on the list. */
export function stepRefusal(
  ctx: PageContext,
  err: unknown,
): { status: number; form: FormState } | undefined {
  const e = toHttpError(err);
  const field = e.field?.replace(/\[\d+\]$/, '');
  const mapped = field === e.field ? err : new EdgeError(e.status, e.code, e.message, field);
  return formRefusal(ctx, mapped, () => true);
}

export type { ReviewStep };
