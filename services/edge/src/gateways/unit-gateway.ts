/**
 * The identity service's UnitService as the edge calls it: every call carries the user's
 * access token (`authorization: Bearer`) and the client address (`x-forwarded-for`, for
 * the audit trail), and has a deadline. Reads are marked idempotent (retried when the
 * service is briefly unavailable); CreateVillage is not.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  UnitServiceClient,
  type CreateVillageRequest,
  type CreateVillageResponse,
  type GetUnitRequest,
  type GetUnitResponse,
  type ListAncestorsRequest,
  type ListAncestorsResponse,
  type ListChildrenRequest,
  type ListChildrenResponse,
  type ListSubtreeRequest,
  type ListSubtreeResponse,
  type ListVillagesRequest,
  type ListVillagesResponse,
  type ResolveUnitRequest,
  type ResolveUnitResponse,
  type SearchUnitsRequest,
  type SearchUnitsResponse,
  type UnitServiceService,
} from '@posa/proto';

/** Who a call is made for. */
export interface Caller {
  accessToken: string;
  /** The end user's address as the edge sees it. */
  clientAddress?: string;
}

/** The caller's access token, and their address for the service's logs and limits. */
export function callerMetadata(caller: Caller): Record<string, string> {
  const metadata: Record<string, string> = { authorization: `Bearer ${caller.accessToken}` };
  if (caller.clientAddress) metadata['x-forwarded-for'] = caller.clientAddress;
  return metadata;
}

/** Options of a call made for the caller: their metadata, the deadline, retry when idempotent. */
export function callerOptions(
  caller: Caller,
  deadlineMs: number,
  idempotent: boolean,
): CallOptions {
  return { deadlineMs, metadata: callerMetadata(caller), idempotent };
}

export class UnitGateway {
  constructor(
    private readonly client: GrpcClient<UnitServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  getUnit(caller: Caller, request: GetUnitRequest): Promise<GetUnitResponse> {
    return this.client.call('getUnit', request, this.options(caller, true));
  }

  listChildren(caller: Caller, request: ListChildrenRequest): Promise<ListChildrenResponse> {
    return this.client.call('listChildren', request, this.options(caller, true));
  }

  listAncestors(caller: Caller, request: ListAncestorsRequest): Promise<ListAncestorsResponse> {
    return this.client.call('listAncestors', request, this.options(caller, true));
  }

  listSubtree(caller: Caller, request: ListSubtreeRequest): Promise<ListSubtreeResponse> {
    return this.client.call('listSubtree', request, this.options(caller, true));
  }

  searchUnits(caller: Caller, request: SearchUnitsRequest): Promise<SearchUnitsResponse> {
    return this.client.call('searchUnits', request, this.options(caller, true));
  }

  resolveUnit(caller: Caller, request: ResolveUnitRequest): Promise<ResolveUnitResponse> {
    return this.client.call('resolveUnit', request, this.options(caller, true));
  }

  listVillages(caller: Caller, request: ListVillagesRequest): Promise<ListVillagesResponse> {
    return this.client.call('listVillages', request, this.options(caller, true));
  }

  createVillage(caller: Caller, request: CreateVillageRequest): Promise<CreateVillageResponse> {
    return this.client.call('createVillage', request, this.options(caller, false));
  }

  close(): void {
    this.client.close();
  }
}

export function createUnitGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): UnitGateway {
  return new UnitGateway(
    createGrpcClient(UnitServiceClient, address, { defaultDeadlineMs: deadlineMs, metrics }),
    deadlineMs,
  );
}
