/**
 * IdentityQualityService: duplicate candidates, the merge workflow and verification against
 * the national population database. Handlers decode, authorise and call the quality modules;
 * each write is one transaction (merge-commit.ts, verify-commit.ts).
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import {
  service,
  sourceAddressOf,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  IdentityQualityServiceService,
  type ConfirmMergeRequest,
  type ConfirmMergeResponse,
  type DismissCandidateRequest,
  type DismissCandidateResponse,
  type ListMergeProposalsRequest,
  type ListMergeProposalsResponse,
  type ProposeMergeRequest,
  type ProposeMergeResponse,
  type RejectMergeRequest,
  type RejectMergeResponse,
  type VerifyMemberRequest,
  type VerifyMemberResponse,
} from '@posa/proto';
import { validateReason } from '../domain/household-input';
import { assertReadRole } from '../grpc/household-access';
import type { PopulationRegistry } from '@posa/population';
import type { Units } from '@posa/units';
import { candidateHandlers } from './candidate-handlers';
import {
  confirmMerge,
  dismissPair,
  proposeMerge,
  rejectMerge,
  withDifferences,
} from './merge-commit';
import { listProposals, type QualityActor } from './merge-store';
import { outcomeToProto, proposalToProto, statusFromProto } from './quality-mapping';
import { unitScopeOf } from '../grpc/list-request';
import { verifyMember } from './verify-commit';

export interface IdentityQualityDeps {
  pool: pg.Pool;
  units: Units;
  registry: PopulationRegistry;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: () => string;
}

/** The change-log reason of a verification (the call itself carries none). */
export const VERIFY_REASON = 'đối chiếu với CSDL quốc gia về dân cư';

function actorOf(ctx: CallContext, reason: string): QualityActor {
  const principal = principalOf(ctx);
  return {
    actorId: principal.userId,
    actorUnitCode: principal.unitCode,
    sourceAddress: sourceAddressOf(ctx),
    reason,
  };
}

export function identityQualityService(deps: IdentityQualityDeps): ServiceRegistration {
  const { pool, units, registry, today } = deps;
  return service(IdentityQualityServiceService, {
    ...candidateHandlers(pool, units, today),

    async proposeMerge(
      request: ProposeMergeRequest,
      ctx: CallContext,
    ): Promise<ProposeMergeResponse> {
      const actor = actorOf(ctx, validateReason(request.reason));
      const proposal = await proposeMerge(pool, principalOf(ctx), request, actor);
      return { proposal: proposalToProto(proposal) };
    },

    async confirmMerge(
      request: ConfirmMergeRequest,
      ctx: CallContext,
    ): Promise<ConfirmMergeResponse> {
      const actor = actorOf(ctx, validateReason(request.reason));
      const done = await confirmMerge(pool, principalOf(ctx), units.tree, request.mergeId, actor);
      return { proposal: proposalToProto(done) };
    },

    async rejectMerge(request: RejectMergeRequest, ctx: CallContext): Promise<RejectMergeResponse> {
      const actor = actorOf(ctx, validateReason(request.reason));
      const done = await rejectMerge(pool, principalOf(ctx), units.tree, request.mergeId, actor);
      return { proposal: proposalToProto(done) };
    },

    async listMergeProposals(
      request: ListMergeProposalsRequest,
      ctx: CallContext,
    ): Promise<ListMergeProposalsResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const scope = unitScopeOf(principal, request.unitCode, units);
      const limit = Math.min(Math.max(request.limit, 0) || 50, 200);
      const rows = await listProposals(pool, {
        ...scope,
        status: statusFromProto(request.status),
        limit,
      });
      const proposals = [];
      for (const p of rows) proposals.push(proposalToProto(await withDifferences(pool, p)));
      return { proposals };
    },

    async dismissCandidate(
      request: DismissCandidateRequest,
      ctx: CallContext,
    ): Promise<DismissCandidateResponse> {
      const actor = actorOf(ctx, validateReason(request.reason));
      await dismissPair(pool, principalOf(ctx), units.tree, request, actor);
      return {};
    },

    async verifyMember(
      request: VerifyMemberRequest,
      ctx: CallContext,
    ): Promise<VerifyMemberResponse> {
      const actor = actorOf(ctx, VERIFY_REASON);
      const stored = await verifyMember(pool, registry, principalOf(ctx), request.memberId, actor);
      return {
        outcome: outcomeToProto(stored.outcome),
        mismatchedFields: stored.mismatchedFields,
        verifiedAt: new Date(stored.verifiedAt),
        householdVersion: stored.householdVersion,
      };
    },
  });
}
