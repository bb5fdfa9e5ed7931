/**
 * The step and variation forms of a case page (CSRF on each; the service decides each call):
 *   POST /cases/:id/completeness | resubmit | appraise | verify | approve | reject
 *   POST /cases/:id/eligibility | suspend | resume | terminate | transfer | accept-transfer
 *   POST /cases/:id/flags/:flagId/resolve
 * Success posts/redirects/gets with a message (and the arrears of a variation, shown once on the
 * case's page); a refusal re-renders the page with that form open and the reason next to the
 * field. Accepting a transfer opens the new case of the destination commune.
 */
import { Router, type Request } from 'express';
import type { Case } from '@posa/proto';
import { variationJson } from '../api/case-money-json';
import { callerOf } from '../http/auth';
import { CASE_PAGE_ROLES, type CaseAction } from '../http/case-roles';
import { requireRole } from '../http/page-roles';
import { idParam } from '../forms/household-params';
import { formSource, type Source } from '../forms/case-source';
import {
  acceptTransferRequestOf,
  appraiseRequestOf,
  approveRequestOf,
  changeEligibilityRequestOf,
  completenessRequestOf,
  decisionRequestOf,
  rejectRequestOf,
  resolveFlagRequestOf,
  resubmitRequestOf,
  terminateRequestOf,
  transferRequestOf,
  verifyRequestOf,
} from '../forms/case-requests';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import type { MessageKey } from '../i18n';
import { formValuesOf } from '../views/case-parts';
import { renderCase, type CaseRouteDeps } from './case-detail';
import { caseFormRefusal, caseIdOf } from './case-support';
import { pageContext } from './page-context';
import { requireSignIn } from './require-sign-in';

type Answer = {
  case?: Case | undefined;
  arrears?: {
    month?: { year: number; month: number } | undefined;
    beforeVnd: string;
    afterVnd: string;
    deltaVnd: string;
  }[];
  arrearsTotalVnd?: string;
};

interface ActionSpec {
  action: CaseAction;
  path: string;
  flash: MessageKey;
  run(gw: CaseGateway, caller: Caller, src: Source, id: string, req: Request): Promise<Answer>;
}

const ACTIONS: ActionSpec[] = [
  {
    action: 'completeness',
    path: 'completeness',
    flash: 'cs.flash.completeness',
    run: (g, c, s, id) => g.checkCompleteness(c, completenessRequestOf(s, id)),
  },
  {
    action: 'resubmit',
    path: 'resubmit',
    flash: 'cs.flash.resubmit',
    run: (g, c, s, id) => g.resubmitApplication(c, resubmitRequestOf(s, id)),
  },
  {
    action: 'appraise',
    path: 'appraise',
    flash: 'cs.flash.appraise',
    run: (g, c, s, id) => g.appraiseCase(c, appraiseRequestOf(s, id)),
  },
  {
    action: 'verify',
    path: 'verify',
    flash: 'cs.flash.verify',
    run: (g, c, s, id) => g.verifyBeneficiary(c, verifyRequestOf(s, id)),
  },
  {
    action: 'approve',
    path: 'approve',
    flash: 'cs.flash.approve',
    run: (g, c, s, id) => g.approveCase(c, approveRequestOf(s, id)),
  },
  {
    action: 'reject',
    path: 'reject',
    flash: 'cs.flash.reject',
    run: (g, c, s, id) => g.rejectCase(c, rejectRequestOf(s, id)),
  },
  {
    action: 'change_eligibility',
    path: 'eligibility',
    flash: 'cs.flash.variation',
    run: (g, c, s, id) => g.changeEligibility(c, changeEligibilityRequestOf(s, id)),
  },
  {
    action: 'suspend',
    path: 'suspend',
    flash: 'cs.flash.variation',
    run: (g, c, s, id) => g.suspendCase(c, decisionRequestOf(s, id)),
  },
  {
    action: 'resume',
    path: 'resume',
    flash: 'cs.flash.variation',
    run: (g, c, s, id) => g.resumeCase(c, decisionRequestOf(s, id)),
  },
  {
    action: 'terminate',
    path: 'terminate',
    flash: 'cs.flash.variation',
    run: (g, c, s, id) => g.terminateCase(c, terminateRequestOf(s, id)),
  },
  {
    action: 'transfer',
    path: 'transfer',
    flash: 'cs.flash.variation',
    run: (g, c, s, id) => g.transferCase(c, transferRequestOf(s, id)),
  },
  {
    action: 'accept_transfer',
    path: 'accept-transfer',
    flash: 'cs.flash.accepted',
    run: (g, c, s, id) => g.acceptTransfer(c, acceptTransferRequestOf(s, id)),
  },
  {
    action: 'resolve_flag',
    path: 'flags/:flagId/resolve',
    flash: 'cs.flash.resolved',
    run: (g, c, s, id, req) =>
      g.resolveReviewFlag(c, resolveFlagRequestOf(s, id, idParam(req.params['flagId'], 'flag_id'))),
  },
];

export function caseActionRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  router.use('/cases', requireSignIn, requireRole(...CASE_PAGE_ROLES));
  for (const spec of ACTIONS) {
    router.post(
      `/cases/:id/${spec.path}`,
      deps.csrf.csrfSynchronisedProtection,
      async (req, res) => {
        const id = caseIdOf(req);
        try {
          const answer = await spec.run(deps.cases, callerOf(req), formSource(req.body), id, req);
          const after = answer.case;
          if (answer.arrears !== undefined && answer.arrearsTotalVnd !== undefined) {
            const { case: shown, arrears } = variationJson({
              case: after,
              arrears: answer.arrears,
              arrearsTotalVnd: answer.arrearsTotalVnd,
            });
            req.session.caseArrears = { caseId: shown.id, arrears };
          }
          const code = after?.caseCode ?? '';
          req.session.flash = { message: spec.flash, params: { code } };
          res.redirect(303, `/cases/${after?.caseId ?? id}`);
        } catch (err) {
          const refused = caseFormRefusal(pageContext(req, deps.csrf), err, () => true);
          if (refused === undefined) throw err;
          const flagId =
            typeof req.params['flagId'] === 'string' ? req.params['flagId'] : undefined;
          await renderCase(deps, req, res, refused.status, {
            posted: {
              action: spec.action,
              values: formValuesOf(req.body),
              form: refused.form,
              ...(flagId ? { flagId } : {}),
            },
          });
        }
      },
    );
  }
  return router;
}
