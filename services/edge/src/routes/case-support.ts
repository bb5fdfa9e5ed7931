/**
 * What the case pages share: the case id of the path, the categories and care-support types in
 * force (for the eligibility fields), the levels of a procedure rule (for the forms offered),
 * refusals of the service as form state, and the arrears of the last variation kept in the
 * session until the case page shows them.
 */
import type { Request } from 'express';
import type { ArrearsJson } from '../api/case-money-json';
import { toHttpError } from '../http/errors';
import { idParam } from '../forms/household-params';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import type { Level, ProcedureLevels } from '../http/case-roles';
import type { FormState } from '../views/account-parts';
import { caseFieldLabel } from '../views/case-parts';
import type { CatalogueChoices } from '../views/case-step-forms';
import type { PageContext } from '../views/layout';
import { formRefusal } from './household-support';

declare module 'express-session' {
  interface SessionData {
    /** Arrears (truy lĩnh / thu hồi) of the last variation, shown once on the case's page. */
    caseArrears?: { caseId: string; arrears: ArrearsJson };
  }
}

export const caseIdOf = (req: Request): string => idParam(req.params['id'], 'case_id');

/** Categories and care-support types in force today; none when the catalogue cannot be read. */
export async function catalogueChoices(
  cases: CaseGateway,
  caller: Caller,
): Promise<CatalogueChoices> {
  try {
    const c = await cases.getCatalogue(caller, undefined);
    return {
      categories: c.categories.map((k) => ({ code: k.code, name: k.nameVi })),
      careSupportTypes: c.careSupportTypes.map((k) => ({ code: k.code, name: k.nameVi })),
    };
  } catch (err) {
    if (toHttpError(err).status === 401) throw err;
    return { categories: [], careSupportTypes: [] };
  }
}

const levelOf = (text: string): Level | undefined =>
  text === 'commune' || text === 'district' ? text : undefined;

/** Who appraises and decides under a procedure rule; undefined when unknown. */
export async function procedureLevels(
  cases: CaseGateway,
  caller: Caller,
  code: string,
): Promise<ProcedureLevels | undefined> {
  try {
    const rule = (await cases.listProcedureRules(caller)).rules.find((r) => r.code === code);
    const appraisalLevel = levelOf(rule?.appraisalLevel ?? '');
    const decisionLevel = levelOf(rule?.decisionLevel ?? '');
    return appraisalLevel && decisionLevel ? { appraisalLevel, decisionLevel } : undefined;
  } catch (err) {
    if (toHttpError(err).status === 401) throw err;
    return undefined;
  }
}

/** A refusal as a case form shows it, with the case pages' field labels (see formRefusal). */
export function caseFormRefusal(
  ctx: PageContext,
  err: unknown,
  hasField: (field: string) => boolean,
): { status: number; form: FormState } | undefined {
  return formRefusal(ctx, err, hasField, caseFieldLabel);
}

/** The arrears kept for this case, removed from the session as they are shown. */
export function takeArrears(req: Request, caseId: string): ArrearsJson | undefined {
  const kept = req.session?.caseArrears;
  if (kept === undefined || kept.caseId !== caseId) return undefined;
  delete req.session.caseArrears;
  return kept.arrears;
}
