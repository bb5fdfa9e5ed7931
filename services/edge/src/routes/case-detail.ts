/**
 * One case's page (the cases service checks role and jurisdiction on every call):
 *   GET /cases/:id?from=YYYY-MM&to=YYYY-MM   facts, steps, decisions, periods, flags, the
 *                                            entitlement of the month range, the forms offered
 * `renderCase` also answers a refused step or variation: the page with that form open, the
 * typed values and the reason.
 */
import { Router, type Request, type Response } from 'express';
import { todayInVietnam } from '@posa/platform';
import { caseJson, type CaseJson } from '../api/case-json';
import { entitlementJson } from '../api/case-money-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { CASE_PAGE_ROLES, caseActionsFor } from '../http/case-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { monthRange } from '../forms/case-input';
import type { CaseGateway } from '../gateways/case-gateway';
import { casePage, type CasePageModel } from '../views/case-page';
import type { PostedForm } from '../views/case-step-forms';
import { caseIdOf, catalogueChoices, procedureLevels, takeArrears } from './case-support';
import { queryText } from './household-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface CaseRouteDeps {
  cases: CaseGateway;
  csrf: Csrf;
}

const MONTH = /^\d{4}-\d{2}$/;

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months shown by default: up to this month, from the first period (at most 12 months). */
export function defaultRange(c: CaseJson, today: string): { from: string; to: string } {
  const to = today.slice(0, 7);
  const first = c.periods
    .map((p) => p.fromMonth)
    .filter((m): m is string => m !== null)
    .sort()[0];
  if (first === undefined || first > to) return { from: first ?? to, to: first ?? to };
  const earliest = shiftMonth(to, -11);
  return { from: first > earliest ? first : earliest, to };
}

export async function renderCase(
  deps: CaseRouteDeps,
  req: Request,
  res: Response,
  status: number,
  extra: { posted?: PostedForm } = {},
): Promise<void> {
  const ctx = pageContext(req, deps.csrf);
  const caller = callerOf(req);
  const id = caseIdOf(req);
  const found = await deps.cases.getCase(caller, id);
  if (found.case === undefined) throw new Error('the service answered without the case');
  const c = caseJson(found.case);
  const fallback = defaultRange(c, todayInVietnam());
  const fromText = queryText(req, 'from', 7);
  const toText = queryText(req, 'to', 7);
  const range = {
    from: MONTH.test(fromText) ? fromText : fallback.from,
    to: MONTH.test(toText) || (fromText !== '' && toText === '') ? toText : fallback.to,
  };
  const [choices, levels] = await Promise.all([
    catalogueChoices(deps.cases, caller),
    procedureLevels(deps.cases, caller, c.procedureCode),
  ]);
  const offered = caseActionsFor(
    principalOfRequest(req),
    {
      status: c.status,
      communeCode: c.communeCode,
      openFlags: c.flags.filter((f) => f.resolution === null).length,
    },
    levels,
  );
  const model: CasePageModel = { c, offered, choices, range, ...extra };
  try {
    const months = await deps.cases.getEntitlements(caller, {
      caseId: id,
      ...monthRange(range.from, range.to),
    });
    model.entitlements = months.months.map(entitlementJson);
  } catch (err) {
    const error = describeError(ctx, err);
    if (error.status === 401 || error.status >= 500) throw err;
    model.entitlementError = error;
  }
  const arrears = takeArrears(req, id);
  if (arrears) model.arrears = arrears;
  const flash = takeFlash(req);
  if (flash) model.flash = flash;
  sendPage(res, status, casePage(ctx, model));
}

export function caseDetailRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  router.use('/cases', requireSignIn, requireRole(...CASE_PAGE_ROLES));
  router.get('/cases/:id', async (req, res) => {
    await renderCase(deps, req, res, 200);
  });
  return router;
}
