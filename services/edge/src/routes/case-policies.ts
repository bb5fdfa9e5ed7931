/**
 * Chế độ chính sách (every signed-in staff member reads; the service decides every write):
 *   GET  /policy-catalogue?asOf=YYYY-MM-DD   the catalogue in force on a day, procedure rules
 *   POST /policy-catalogue/:kind             record a new version (CSRF): base-level,
 *                                            coefficient, category, care-support, emergency
 * National officers are offered every form; a province officer the base level of the province.
 */
import { Router, type Request, type Response } from 'express';
import type { Principal } from '@posa/auth';
import { catalogueJson, procedureRuleJson } from '../api/case-policy-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';
import { formSource } from '../forms/case-source';
import {
  baseLevelRequestOf,
  careSupportTypeRequestOf,
  categoryRequestOf,
  coefficientRuleRequestOf,
  emergencyTypeRequestOf,
  RECORD_KINDS,
  type Read,
  type RecordKind,
} from '../forms/case-policy-input';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import { formValuesOf } from '../views/case-parts';
import { cataloguePage, type CataloguePageModel } from '../views/case-policy-page';
import { takeFlash } from '../http/session';
import { caseFormRefusal } from './case-support';
import { queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface CasePolicyDeps {
  cases: CaseGateway;
  csrf: Csrf;
}

/** The record forms offered: every form to national officers, the base level to province officers. */
export function recordableBy(principal: Principal | undefined): {
  kinds: readonly RecordKind[];
  province?: string;
} {
  if (principal === undefined || !principal.roles.has('officer')) return { kinds: [] };
  if (principal.unitCode === 'VN') return { kinds: RECORD_KINDS };
  if (/^[0-9]{2}$/.test(principal.unitCode))
    return { kinds: ['base-level'], province: principal.unitCode };
  return { kinds: [] };
}

const RECORDERS: Record<RecordKind, (g: CaseGateway, c: Caller, read: Read) => Promise<unknown>> = {
  'base-level': (g, c, read) => g.recordBaseLevel(c, baseLevelRequestOf(read)),
  coefficient: (g, c, read) => g.recordCoefficientRule(c, coefficientRuleRequestOf(read)),
  category: (g, c, read) => g.recordCategory(c, categoryRequestOf(read)),
  'care-support': (g, c, read) => g.recordCareSupportType(c, careSupportTypeRequestOf(read)),
  emergency: (g, c, read) => g.recordEmergencyAssistanceType(c, emergencyTypeRequestOf(read)),
};

function kindOf(req: Request): RecordKind {
  const kind = req.params['kind'];
  if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind))
    throw badRequest('kind', `must be one of ${RECORD_KINDS.join(', ')}`);
  return kind as RecordKind;
}

export function casePolicyRoutes(deps: CasePolicyDeps): Router {
  const router = Router();
  router.use('/policy-catalogue', requireSignIn);

  const render = async (
    req: Request,
    res: Response,
    status: number,
    posted?: CataloguePageModel['posted'],
  ): Promise<void> => {
    const caller = callerOf(req);
    const asOfText = queryText(req, 'asOf', 10);
    const asOf = asOfText === '' ? undefined : parseDate(asOfText);
    if (asOfText !== '' && asOf === undefined)
      throw badRequest('as_of', 'must be a date YYYY-MM-DD');
    const [catalogue, rules] = await Promise.all([
      deps.cases.getCatalogue(caller, asOf),
      deps.cases.listProcedureRules(caller),
    ]);
    const { kinds, province } = recordableBy(principalOfRequest(req));
    const flash = takeFlash(req);
    const model: CataloguePageModel = {
      asOf: asOfText,
      catalogue: catalogueJson(catalogue),
      rules: rules.rules.map(procedureRuleJson),
      recordable: kinds,
      ...(province ? { province } : {}),
      ...(flash ? { flash } : {}),
      ...(posted ? { posted } : {}),
    };
    sendPage(res, status, cataloguePage(pageContext(req, deps.csrf), model));
  };

  router.get('/policy-catalogue', async (req, res) => {
    await render(req, res, 200);
  });

  router.post('/policy-catalogue/:kind', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const kind = kindOf(req);
    const src = formSource(req.body);
    try {
      await RECORDERS[kind](deps.cases, callerOf(req), (name) => src.text(name));
      req.session.flash = {
        message: 'cs.flash.recorded',
        params: { from: src.text('valid_from') },
      };
      res.redirect(303, '/policy-catalogue');
    } catch (err) {
      const refused = caseFormRefusal(pageContext(req, deps.csrf), err, () => true);
      if (refused === undefined) throw err;
      await render(req, res, refused.status, {
        kind,
        values: formValuesOf(req.body),
        form: refused.form,
      });
    }
  });

  return router;
}
