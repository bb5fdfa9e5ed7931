/**
 * Identity quality pages (the service decides every call):
 *   GET  /duplicates?unit=&page=                      duplicate pairs of a unit
 *   POST /duplicates/propose                          ProposeMerge (keep one, absorb the other)
 *   POST /duplicates/dismiss                          DismissCandidate ("not a duplicate")
 *   GET  /duplicates/proposals?unit=&status=          merge proposals
 *   POST /duplicates/proposals/:mergeId/confirm       ConfirmMerge (approver, not the proposer)
 *   POST /duplicates/proposals/:mergeId/reject        RejectMerge
 * Writes post/redirect/get with a message; a refusal re-renders the list with the reason.
 */
import { Router, type Request, type Response } from 'express';
import { duplicatePairJson, mergeProposalJson, mergeStatusOf } from '../api/quality-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { decidesMerges, dismissesCandidates } from '../http/registry-quality-roles';
import { takeFlash } from '../http/session';
import { idParam, unitCodeParam } from '../forms/household-params';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import { duplicatesPage, type DuplicatesModel } from '../views/duplicates-page';
import { mergeProposalsPage, type ProposalsModel } from '../views/merge-proposals-page';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface DuplicatesDeps {
  registryQuality: RegistryQualityGateway;
  csrf: Csrf;
}

export function duplicateRoutes(deps: DuplicatesDeps): Router {
  const router = Router();
  router.use('/duplicates', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const renderPairs = async (
    req: Request,
    res: Response,
    status: number,
    posted?: DuplicatesModel['posted'],
  ): Promise<void> => {
    const unit = queryText(req, 'unit', 10);
    const pageToken = queryText(req, 'page', 2000);
    const list = await deps.registryQuality.listDuplicateCandidates(callerOf(req), {
      unitCode: unitCodeParam(unit),
      page: { pageSize: 50, pageToken },
    });
    const principal = principalOfRequest(req);
    const flash = status === 200 ? takeFlash(req) : undefined;
    const proposesFor = writesHouseholdsOf(principal);
    const model: DuplicatesModel = {
      unit,
      pairs: list.pairs.map(duplicatePairJson),
      onLaterPage: pageToken !== '',
      dismisses: dismissesCandidates(principal),
      ...(list.page?.nextPageToken ? { nextPageToken: list.page.nextPageToken } : {}),
      ...(proposesFor ? { proposesFor } : {}),
      ...(flash ? { flash } : {}),
      ...(posted ? { posted } : {}),
    };
    sendPage(res, status, duplicatesPage(pageContext(req, deps.csrf), model));
  };

  const renderProposals = async (
    req: Request,
    res: Response,
    status: number,
    posted?: ProposalsModel['posted'],
  ): Promise<void> => {
    const unit = queryText(req, 'unit', 10);
    const statusText = queryText(req, 'status', 20);
    const list = await deps.registryQuality.listMergeProposals(callerOf(req), {
      unitCode: unitCodeParam(unit),
      status: mergeStatusOf(statusText),
      limit: 100,
    });
    const principal = principalOfRequest(req);
    const flash = status === 200 ? takeFlash(req) : undefined;
    const model: ProposalsModel = {
      unit,
      status: statusText,
      proposals: list.proposals.map(mergeProposalJson),
      ...(decidesMerges(principal) && principal ? { decider: principal.userId } : {}),
      ...(flash ? { flash } : {}),
      ...(posted ? { posted } : {}),
    };
    sendPage(res, status, mergeProposalsPage(pageContext(req, deps.csrf), model));
  };

  router.get('/duplicates', (req, res) => renderPairs(req, res, 200));
  router.get('/duplicates/proposals', (req, res) => renderProposals(req, res, 200));

  const PAIR_FIELDS = ['kept_member_id', 'reason', 'first_member_id'];

  router.post('/duplicates/propose', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const reason = formText(req, 'reason');
    try {
      const first = idParam(formText(req, 'first_member_id', 40), 'first_member_id');
      const second = idParam(formText(req, 'second_member_id', 40), 'second_member_id');
      const kept = formText(req, 'kept_member_id', 40).toLowerCase();
      if (kept !== first && kept !== second)
        throw badRequest('kept_member_id', 'must be one of the two records');
      await deps.registryQuality.proposeMerge(callerOf(req), {
        keptMemberId: kept,
        mergedMemberId: kept === first ? second : first,
        reason,
      });
      req.session.flash = { message: 'rq.flash.proposed' };
      res.redirect(303, '/duplicates/proposals');
    } catch (err) {
      const refused = formRefusal(pageContext(req, deps.csrf), err, (f) => PAIR_FIELDS.includes(f));
      if (refused === undefined) throw err;
      const pairId = formText(req, 'pair_id', 100);
      await renderPairs(req, res, refused.status, {
        pairId,
        kind: 'propose',
        form: refused.form,
        reason,
      });
    }
  });

  router.post('/duplicates/dismiss', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const reason = formText(req, 'reason');
    try {
      await deps.registryQuality.dismissCandidate(
        callerOf(req),
        idParam(formText(req, 'first_member_id', 40), 'first_member_id'),
        idParam(formText(req, 'second_member_id', 40), 'second_member_id'),
        reason,
      );
      req.session.flash = { message: 'rq.flash.dismissed' };
      res.redirect(303, '/duplicates');
    } catch (err) {
      const refused = formRefusal(pageContext(req, deps.csrf), err, (f) => PAIR_FIELDS.includes(f));
      if (refused === undefined) throw err;
      const pairId = formText(req, 'pair_id', 100);
      await renderPairs(req, res, refused.status, {
        pairId,
        kind: 'dismiss',
        form: refused.form,
        reason,
      });
    }
  });

  for (const decision of ['confirm', 'reject'] as const) {
    router.post(
      `/duplicates/proposals/:mergeId/${decision}`,
      deps.csrf.csrfSynchronisedProtection,
      async (req, res) => {
        const reason = formText(req, 'reason');
        const mergeId = idParam(req.params['mergeId'], 'merge_id');
        try {
          if (decision === 'confirm')
            await deps.registryQuality.confirmMerge(callerOf(req), mergeId, reason);
          else await deps.registryQuality.rejectMerge(callerOf(req), mergeId, reason);
          req.session.flash = {
            message: decision === 'confirm' ? 'rq.flash.confirmed' : 'rq.flash.rejected',
          };
          res.redirect(303, '/duplicates/proposals');
        } catch (err) {
          const refused = formRefusal(pageContext(req, deps.csrf), err, (f) => f === 'reason');
          if (refused === undefined) throw err;
          await renderProposals(req, res, refused.status, { mergeId, form: refused.form, reason });
        }
      },
    );
  }

  return router;
}
