/**
 * The households service as the move, identity-quality and sampling screens call it:
 * HouseholdService (member moves, split, merge), IdentityQualityService (duplicate
 * candidates, merge proposals, population-database verification) and
 * AcceptanceSamplingService (nghiệm thu). Every call carries the user's access token and
 * address and a deadline; reads are retried when the service is briefly unavailable, writes
 * never (a verification is a write: it stores its outcome).
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  AcceptanceSamplingServiceClient,
  HouseholdServiceClient,
  IdentityQualityServiceClient,
  type AcceptanceSamplingServiceService,
  type ComputeResultResponse,
  type ConfirmMergeResponse,
  type DrawSampleRequest,
  type DrawSampleResponse,
  type GetSampleResponse,
  type HouseholdServiceService,
  type IdentityQualityServiceService,
  type ListDuplicateCandidatesRequest,
  type ListDuplicateCandidatesResponse,
  type ListMergeProposalsRequest,
  type ListMergeProposalsResponse,
  type ListSamplesResponse,
  type MergeHouseholdsRequest,
  type MergeHouseholdsResponse,
  type MoveMemberOutRequest,
  type MoveMemberOutResponse,
  type MoveMemberRequest,
  type MoveMemberResponse,
  type ProposeMergeRequest,
  type ProposeMergeResponse,
  type RecordFieldCheckRequest,
  type RecordFieldCheckResponse,
  type RejectMergeResponse,
  type SplitHouseholdRequest,
  type SplitHouseholdResponse,
  type VerifyMemberResponse,
} from '@posa/proto';
import { callerOptions, type Caller } from './unit-gateway';

export class RegistryQualityGateway {
  constructor(
    private readonly households: GrpcClient<HouseholdServiceService>,
    private readonly quality: GrpcClient<IdentityQualityServiceService>,
    private readonly sampling: GrpcClient<AcceptanceSamplingServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  // Moves (biến động nhân khẩu, tách hộ, nhập hộ).

  moveMember(caller: Caller, request: MoveMemberRequest): Promise<MoveMemberResponse> {
    return this.households.call('moveMember', request, this.options(caller, false));
  }

  moveMemberOut(caller: Caller, request: MoveMemberOutRequest): Promise<MoveMemberOutResponse> {
    return this.households.call('moveMemberOut', request, this.options(caller, false));
  }

  splitHousehold(caller: Caller, request: SplitHouseholdRequest): Promise<SplitHouseholdResponse> {
    return this.households.call('splitHousehold', request, this.options(caller, false));
  }

  mergeHouseholds(
    caller: Caller,
    request: MergeHouseholdsRequest,
  ): Promise<MergeHouseholdsResponse> {
    return this.households.call('mergeHouseholds', request, this.options(caller, false));
  }

  // Identity quality (trùng lặp, gộp hồ sơ, đối chiếu CSDL dân cư).

  listDuplicateCandidates(
    caller: Caller,
    request: ListDuplicateCandidatesRequest,
  ): Promise<ListDuplicateCandidatesResponse> {
    return this.quality.call('listDuplicateCandidates', request, this.options(caller, true));
  }

  proposeMerge(caller: Caller, request: ProposeMergeRequest): Promise<ProposeMergeResponse> {
    return this.quality.call('proposeMerge', request, this.options(caller, false));
  }

  confirmMerge(caller: Caller, mergeId: string, reason: string): Promise<ConfirmMergeResponse> {
    return this.quality.call('confirmMerge', { mergeId, reason }, this.options(caller, false));
  }

  rejectMerge(caller: Caller, mergeId: string, reason: string): Promise<RejectMergeResponse> {
    return this.quality.call('rejectMerge', { mergeId, reason }, this.options(caller, false));
  }

  listMergeProposals(
    caller: Caller,
    request: ListMergeProposalsRequest,
  ): Promise<ListMergeProposalsResponse> {
    return this.quality.call('listMergeProposals', request, this.options(caller, true));
  }

  async dismissCandidate(
    caller: Caller,
    firstMemberId: string,
    secondMemberId: string,
    reason: string,
  ): Promise<void> {
    await this.quality.call(
      'dismissCandidate',
      { firstMemberId, secondMemberId, reason },
      this.options(caller, false),
    );
  }

  verifyMember(caller: Caller, memberId: string): Promise<VerifyMemberResponse> {
    return this.quality.call('verifyMember', { memberId }, this.options(caller, false));
  }

  // Acceptance sampling (nghiệm thu).

  drawSample(caller: Caller, request: DrawSampleRequest): Promise<DrawSampleResponse> {
    return this.sampling.call('drawSample', request, this.options(caller, false));
  }

  getSample(caller: Caller, id: string): Promise<GetSampleResponse> {
    return this.sampling.call('getSample', { id }, this.options(caller, true));
  }

  listSamples(caller: Caller, unitCode: string, limit: number): Promise<ListSamplesResponse> {
    return this.sampling.call('listSamples', { unitCode, limit }, this.options(caller, true));
  }

  recordFieldCheck(
    caller: Caller,
    request: RecordFieldCheckRequest,
  ): Promise<RecordFieldCheckResponse> {
    return this.sampling.call('recordFieldCheck', request, this.options(caller, false));
  }

  /** Idempotent by the service's rule (a decided sample is returned unchanged), never retried here. */
  computeResult(caller: Caller, sampleId: string): Promise<ComputeResultResponse> {
    return this.sampling.call('computeResult', { sampleId }, this.options(caller, false));
  }

  close(): void {
    this.households.close();
    this.quality.close();
    this.sampling.close();
  }
}

export function createRegistryQualityGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): RegistryQualityGateway {
  const options = { defaultDeadlineMs: deadlineMs, metrics };
  return new RegistryQualityGateway(
    createGrpcClient(HouseholdServiceClient, address, options),
    createGrpcClient(IdentityQualityServiceClient, address, options),
    createGrpcClient(AcceptanceSamplingServiceClient, address, options),
    deadlineMs,
  );
}
