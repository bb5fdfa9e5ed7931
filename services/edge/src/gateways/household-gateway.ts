/**
 * The households service as the edge calls it: HouseholdService, HouseholdSearchService and
 * PovertyStandardService, each call with the user's access token and address and a deadline.
 * Reads are marked idempotent (retried when the service is briefly unavailable); writes are
 * never retried.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  HouseholdSearchServiceClient,
  HouseholdServiceClient,
  PovertyStandardServiceClient,
  type AddMemberRequest,
  type AddMemberResponse,
  type CreateHouseholdRequest,
  type CreateHouseholdResponse,
  type GetHouseholdHistoryResponse,
  type GetHouseholdResponse,
  type HouseholdSearchServiceService,
  type HouseholdServiceService,
  type ListHouseholdsRequest,
  type ListHouseholdsResponse,
  type ListStandardsResponse,
  type MarkMemberDeceasedRequest,
  type MarkMemberDeceasedResponse,
  type PovertyStandardServiceService,
  type SearchHouseholdsRequest,
  type SearchHouseholdsResponse,
  type SearchMembersRequest,
  type SearchMembersResponse,
  type UpdateHouseholdRequest,
  type UpdateHouseholdResponse,
  type UpdateMemberRequest,
  type UpdateMemberResponse,
} from '@posa/proto';
import { callerOptions, type Caller } from './unit-gateway';

export class HouseholdGateway {
  constructor(
    private readonly households: GrpcClient<HouseholdServiceService>,
    private readonly search: GrpcClient<HouseholdSearchServiceService>,
    private readonly standards: GrpcClient<PovertyStandardServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  createHousehold(
    caller: Caller,
    request: CreateHouseholdRequest,
  ): Promise<CreateHouseholdResponse> {
    return this.households.call('createHousehold', request, this.options(caller, false));
  }

  /** The household now, or as it was at `asOf`. */
  getHousehold(caller: Caller, id: string, asOf?: Date): Promise<GetHouseholdResponse> {
    return this.households.call('getHousehold', { id, asOf }, this.options(caller, true));
  }

  updateHousehold(
    caller: Caller,
    request: UpdateHouseholdRequest,
  ): Promise<UpdateHouseholdResponse> {
    return this.households.call('updateHousehold', request, this.options(caller, false));
  }

  addMember(caller: Caller, request: AddMemberRequest): Promise<AddMemberResponse> {
    return this.households.call('addMember', request, this.options(caller, false));
  }

  updateMember(caller: Caller, request: UpdateMemberRequest): Promise<UpdateMemberResponse> {
    return this.households.call('updateMember', request, this.options(caller, false));
  }

  markMemberDeceased(
    caller: Caller,
    request: MarkMemberDeceasedRequest,
  ): Promise<MarkMemberDeceasedResponse> {
    return this.households.call('markMemberDeceased', request, this.options(caller, false));
  }

  listHouseholds(caller: Caller, request: ListHouseholdsRequest): Promise<ListHouseholdsResponse> {
    return this.households.call('listHouseholds', request, this.options(caller, true));
  }

  getHouseholdHistory(caller: Caller, id: string): Promise<GetHouseholdHistoryResponse> {
    return this.households.call('getHouseholdHistory', { id }, this.options(caller, true));
  }

  searchMembers(caller: Caller, request: SearchMembersRequest): Promise<SearchMembersResponse> {
    return this.search.call('searchMembers', request, this.options(caller, true));
  }

  searchHouseholds(
    caller: Caller,
    request: SearchHouseholdsRequest,
  ): Promise<SearchHouseholdsResponse> {
    return this.search.call('searchHouseholds', request, this.options(caller, true));
  }

  listStandards(caller: Caller): Promise<ListStandardsResponse> {
    return this.standards.call('listStandards', {}, this.options(caller, true));
  }

  close(): void {
    this.households.close();
    this.search.close();
    this.standards.close();
  }
}

export function createHouseholdGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): HouseholdGateway {
  const options = { defaultDeadlineMs: deadlineMs, metrics };
  return new HouseholdGateway(
    createGrpcClient(HouseholdServiceClient, address, options),
    createGrpcClient(HouseholdSearchServiceClient, address, options),
    createGrpcClient(PovertyStandardServiceClient, address, options),
    deadlineMs,
  );
}
