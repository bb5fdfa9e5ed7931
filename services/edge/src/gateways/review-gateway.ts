/**
 * ReviewRoundService as the edge calls it (rà soát hộ nghèo, hộ cận nghèo), each call with
 * the user's access token and address and a deadline. Reads (lists, round, change list) are
 * retried when the service is briefly unavailable; writes never are.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  ReviewRoundServiceClient,
  type AddHouseholdToRoundRequest,
  type AddHouseholdToRoundResponse,
  type ComputeResultsResponse,
  type GetRoundResponse,
  type ListRoundsRequest,
  type ListReviewRequestsRequest,
  type ListReviewRequestsResponse,
  type ListRoundsResponse,
  type OpenRoundRequest,
  type OpenRoundResponse,
  type RecognizeRoundRequest,
  type RecognizeRoundResponse,
  type RecordAssessmentRequest,
  type RecordAssessmentResponse,
  type RecordDistrictOpinionRequest,
  type RecordDistrictOpinionResponse,
  type RecordPublicPostingRequest,
  type RecordPublicPostingResponse,
  type RecordReviewRequestRequest,
  type RecordReviewRequestResponse,
  type RecordVillageMeetingRequest,
  type RecordVillageMeetingResponse,
  type RefuseReviewRequestRequest,
  type RefuseReviewRequestResponse,
  type ReviewRoundServiceService,
} from '@posa/proto';
import { callerOptions, type Caller } from './unit-gateway';

export class ReviewGateway {
  constructor(
    private readonly reviews: GrpcClient<ReviewRoundServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  listRounds(caller: Caller, request: ListRoundsRequest): Promise<ListRoundsResponse> {
    return this.reviews.call('listRounds', request, this.options(caller, true));
  }

  getRound(caller: Caller, id: string): Promise<GetRoundResponse> {
    return this.reviews.call('getRound', { id }, this.options(caller, true));
  }

  /** The change list; it changes nothing, so it is retried like a read. */
  computeResults(caller: Caller, roundId: string): Promise<ComputeResultsResponse> {
    return this.reviews.call('computeResults', { roundId }, this.options(caller, true));
  }

  openRound(caller: Caller, request: OpenRoundRequest): Promise<OpenRoundResponse> {
    return this.reviews.call('openRound', request, this.options(caller, false));
  }

  addHousehold(
    caller: Caller,
    request: AddHouseholdToRoundRequest,
  ): Promise<AddHouseholdToRoundResponse> {
    return this.reviews.call('addHouseholdToRound', request, this.options(caller, false));
  }

  recordRequest(
    caller: Caller,
    request: RecordReviewRequestRequest,
  ): Promise<RecordReviewRequestResponse> {
    return this.reviews.call('recordReviewRequest', request, this.options(caller, false));
  }

  listRequests(
    caller: Caller,
    request: ListReviewRequestsRequest,
  ): Promise<ListReviewRequestsResponse> {
    return this.reviews.call('listReviewRequests', request, this.options(caller, true));
  }

  refuseRequest(
    caller: Caller,
    request: RefuseReviewRequestRequest,
  ): Promise<RefuseReviewRequestResponse> {
    return this.reviews.call('refuseReviewRequest', request, this.options(caller, false));
  }

  recordAssessment(
    caller: Caller,
    request: RecordAssessmentRequest,
  ): Promise<RecordAssessmentResponse> {
    return this.reviews.call('recordAssessment', request, this.options(caller, false));
  }

  recordMeeting(
    caller: Caller,
    request: RecordVillageMeetingRequest,
  ): Promise<RecordVillageMeetingResponse> {
    return this.reviews.call('recordVillageMeeting', request, this.options(caller, false));
  }

  recordPosting(
    caller: Caller,
    request: RecordPublicPostingRequest,
  ): Promise<RecordPublicPostingResponse> {
    return this.reviews.call('recordPublicPosting', request, this.options(caller, false));
  }

  recordDistrictOpinion(
    caller: Caller,
    request: RecordDistrictOpinionRequest,
  ): Promise<RecordDistrictOpinionResponse> {
    return this.reviews.call('recordDistrictOpinion', request, this.options(caller, false));
  }

  recognize(caller: Caller, request: RecognizeRoundRequest): Promise<RecognizeRoundResponse> {
    return this.reviews.call('recognizeRound', request, this.options(caller, false));
  }

  close(): void {
    this.reviews.close();
  }
}

export function createReviewGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): ReviewGateway {
  return new ReviewGateway(
    createGrpcClient(ReviewRoundServiceClient, address, { defaultDeadlineMs: deadlineMs, metrics }),
    deadlineMs,
  );
}
