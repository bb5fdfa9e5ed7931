/**
 * ComplaintService as the edge calls it (phản ánh, kiến nghị về dữ liệu): a citizen files and
 * follows a complaint through the edge's service account; staff file on behalf of a caller,
 * list, answer, close and reroute with their own access token. Reads are retried when the
 * service is briefly unavailable; writes never are.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  ComplaintServiceClient,
  type AnswerComplaintRequest,
  type AnswerComplaintResponse,
  type CloseComplaintRequest,
  type CloseComplaintResponse,
  type ComplaintServiceService,
  type FileComplaintRequest,
  type FileComplaintResponse,
  type GetComplaintResponse,
  type ListComplaintsRequest,
  type ListComplaintsResponse,
  type RerouteComplaintRequest,
  type RerouteComplaintResponse,
  type TrackComplaintResponse,
} from '@posa/proto';
import { serviceCallOptions, type ServiceTokens } from './service-caller';
import { callerOptions, type Caller } from './unit-gateway';

export class ComplaintGateway {
  constructor(
    private readonly client: GrpcClient<ComplaintServiceService>,
    private readonly tokens: ServiceTokens,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  /** Public: a citizen's complaint (service account). */
  async fileForCitizen(
    request: FileComplaintRequest,
    clientAddress: string | undefined,
  ): Promise<FileComplaintResponse> {
    const options = await serviceCallOptions(this.tokens, this.deadlineMs, clientAddress, false);
    return this.client.call('fileComplaint', request, options);
  }

  /** Public: status and answer, given the tracking code and the citizen ID. */
  async track(
    trackingCode: string,
    citizenId: string,
    clientAddress: string | undefined,
  ): Promise<TrackComplaintResponse> {
    const options = await serviceCallOptions(this.tokens, this.deadlineMs, clientAddress, true);
    return this.client.call('trackComplaint', { trackingCode, citizenId }, options);
  }

  /** Staff: a complaint received by phone or at the desk, filed on the caller's behalf. */
  file(caller: Caller, request: FileComplaintRequest): Promise<FileComplaintResponse> {
    return this.client.call('fileComplaint', request, this.options(caller, false));
  }

  list(caller: Caller, request: ListComplaintsRequest): Promise<ListComplaintsResponse> {
    return this.client.call('listComplaints', request, this.options(caller, true));
  }

  get(caller: Caller, complaintId: string): Promise<GetComplaintResponse> {
    return this.client.call('getComplaint', { complaintId }, this.options(caller, true));
  }

  answer(caller: Caller, request: AnswerComplaintRequest): Promise<AnswerComplaintResponse> {
    return this.client.call('answerComplaint', request, this.options(caller, false));
  }

  closeComplaint(caller: Caller, request: CloseComplaintRequest): Promise<CloseComplaintResponse> {
    return this.client.call('closeComplaint', request, this.options(caller, false));
  }

  reroute(caller: Caller, request: RerouteComplaintRequest): Promise<RerouteComplaintResponse> {
    return this.client.call('rerouteComplaint', request, this.options(caller, false));
  }

  close(): void {
    this.client.close();
  }
}

export function createComplaintGateway(
  address: string,
  tokens: ServiceTokens,
  deadlineMs: number,
  metrics?: Metrics,
): ComplaintGateway {
  return new ComplaintGateway(
    createGrpcClient(ComplaintServiceClient, address, { defaultDeadlineMs: deadlineMs, metrics }),
    tokens,
    deadlineMs,
  );
}
