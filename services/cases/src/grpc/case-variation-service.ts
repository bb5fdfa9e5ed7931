/**
 * CaseVariationService: variations of a decided case, each by a decision (quyết định) of an
 * approver of the level the procedure rule in force on the signing day names (variation-
 * handlers.ts), transfers between communes (transfer-handlers.ts), and the resolution of review
 * flags raised by household events (a commune officer's task; the allowance is not touched).
 */
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  CaseVariationServiceService,
  type ChangeEligibilityRequest,
  type ResolveReviewFlagRequest,
  type ResolveReviewFlagResponse,
  type ResumeCaseRequest,
  type SuspendCaseRequest,
  type TerminateCaseRequest,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { parseGround } from '../domain/variation';
import { appendStep, checkCaseId, loadCaseForUpdate } from '../store/case-store';
import { flagStateForUpdate, resolveFlag } from '../store/review-flag-store';
import { assertCaseReadable, assertCommuneOfficer } from './case-access';
import { transferHandlers } from './transfer-handlers';
import { commitVariation } from './variation-handlers';
import { caseMessage, eligibilityFromProto } from './variation-mapping';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function caseVariationService(deps: CasesDeps): ServiceRegistration {
  return service(CaseVariationServiceService, {
    ...transferHandlers(deps),

    changeEligibility: (req: ChangeEligibilityRequest, ctx: CallContext) =>
      commitVariation(deps, ctx, {
        caseId: req.caseId,
        expectedVersion: req.expectedVersion,
        decision: req.decision,
        kind: 'category_change',
        variation: (row, catalogue, month) => ({
          kind: 'category_change',
          eligibility: eligibilityFromProto(req.eligibility, row.kind, catalogue, month),
        }),
      }),

    suspendCase: (req: SuspendCaseRequest, ctx: CallContext) =>
      commitVariation(deps, ctx, {
        caseId: req.caseId,
        expectedVersion: req.expectedVersion,
        decision: req.decision,
        kind: 'suspension',
        variation: () => ({ kind: 'suspension' }),
      }),

    resumeCase: (req: ResumeCaseRequest, ctx: CallContext) =>
      commitVariation(deps, ctx, {
        caseId: req.caseId,
        expectedVersion: req.expectedVersion,
        decision: req.decision,
        kind: 'resumption',
        variation: () => ({ kind: 'resumption' }),
      }),

    terminateCase: (req: TerminateCaseRequest, ctx: CallContext) =>
      commitVariation(deps, ctx, {
        caseId: req.caseId,
        expectedVersion: req.expectedVersion,
        decision: req.decision,
        kind: 'termination',
        ground: parseGround(req.ground),
        variation: () => ({ kind: 'termination' }),
      }),

    async resolveReviewFlag(
      req: ResolveReviewFlagRequest,
      ctx: CallContext,
    ): Promise<ResolveReviewFlagResponse> {
      const principal = principalOf(ctx);
      const caseId = checkCaseId(req.caseId);
      if (!UUID.test(req.flagId)) throw new InvalidArgumentError('flag_id', 'must be a flag id');
      const resolution = req.resolution.trim();
      if (resolution === '') throw new InvalidArgumentError('resolution', 'is required');
      if (resolution.length > 2000) {
        throw new InvalidArgumentError('resolution', 'must be at most 2000 characters');
      }
      return withTransaction(deps.pool, async (client) => {
        const row = assertCaseReadable(
          principal,
          await loadCaseForUpdate(client, caseId),
          caseId,
          deps,
        );
        assertCommuneOfficer(principal, row.communeCode);
        const state = await flagStateForUpdate(client, caseId, req.flagId.toLowerCase());
        if (state === 'missing')
          throw new NotFoundError(`flag ${req.flagId} of case ${caseId} not found`);
        if (state === 'resolved') {
          throw new FailedPreconditionError(`flag ${req.flagId} is already resolved`);
        }
        const at = new Date().toISOString();
        await resolveFlag(client, {
          flagId: req.flagId.toLowerCase(),
          resolution,
          resolvedBy: principal.userId,
          at,
        });
        await appendStep(client, {
          caseId,
          step: 'flag_resolved',
          actorId: principal.userId,
          actorUnitCode: principal.unitCode,
          at,
          note: null,
        });
        return {
          case: await caseMessage(client, row, deps.today()),
          arrears: [],
          arrearsTotalVnd: '0',
        };
      });
    },
  });
}
