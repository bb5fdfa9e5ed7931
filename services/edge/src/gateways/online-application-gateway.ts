/**
 * OnlineApplicationService as the edge calls it (dịch vụ công trực tuyến): Submit and Track
 * with the edge's service account for citizens, the staff calls with the user's access
 * token. Reads are retried when the service is briefly unavailable; writes never are.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  OnlineApplicationServiceClient,
  type AcceptOnlineApplicationRequest,
  type AcceptOnlineApplicationResponse,
  type DeclineOnlineApplicationResponse,
  type GetOnlineApplicationResponse,
  type GetOnlineAttachmentResponse,
  type ListOnlineApplicationsRequest,
  type ListOnlineApplicationsResponse,
  type OnlineApplicationServiceService,
  type SubmitOnlineApplicationRequest,
  type SubmitOnlineApplicationResponse,
  type TrackOnlineApplicationResponse,
} from '@posa/proto';
import { serviceCallOptions, type ServiceTokens } from './service-caller';
import { callerOptions, type Caller } from './unit-gateway';

export class OnlineApplicationGateway {
  constructor(
    private readonly client: GrpcClient<OnlineApplicationServiceService>,
    private readonly tokens: ServiceTokens,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  /** Public: a citizen's application with its attachments (service account). */
  async submit(
    request: SubmitOnlineApplicationRequest,
    clientAddress: string | undefined,
  ): Promise<SubmitOnlineApplicationResponse> {
    const options = await serviceCallOptions(this.tokens, this.deadlineMs, clientAddress, false);
    return this.client.call('submitOnlineApplication', request, options);
  }

  /** Public: what the citizen may see, given the tracking code and the citizen ID. */
  async track(
    trackingCode: string,
    citizenId: string,
    clientAddress: string | undefined,
  ): Promise<TrackOnlineApplicationResponse> {
    const options = await serviceCallOptions(this.tokens, this.deadlineMs, clientAddress, true);
    return this.client.call('trackOnlineApplication', { trackingCode, citizenId }, options);
  }

  list(
    caller: Caller,
    request: ListOnlineApplicationsRequest,
  ): Promise<ListOnlineApplicationsResponse> {
    return this.client.call('listOnlineApplications', request, this.options(caller, true));
  }

  get(caller: Caller, applicationId: string): Promise<GetOnlineApplicationResponse> {
    return this.client.call('getOnlineApplication', { applicationId }, this.options(caller, true));
  }

  attachment(
    caller: Caller,
    applicationId: string,
    attachmentId: string,
  ): Promise<GetOnlineAttachmentResponse> {
    return this.client.call(
      'getOnlineAttachment',
      { applicationId, attachmentId },
      this.options(caller, true),
    );
  }

  accept(
    caller: Caller,
    request: AcceptOnlineApplicationRequest,
  ): Promise<AcceptOnlineApplicationResponse> {
    return this.client.call('acceptOnlineApplication', request, this.options(caller, false));
  }

  decline(
    caller: Caller,
    applicationId: string,
    reason: string,
  ): Promise<DeclineOnlineApplicationResponse> {
    return this.client.call(
      'declineOnlineApplication',
      { applicationId, reason },
      this.options(caller, false),
    );
  }

  close(): void {
    this.client.close();
  }
}

/**
 * Message sizes of the channel: a submission carries up to 5 attachments of 5 MiB each, an
 * attachment download one of them (the cases server accepts the same sizes).
 */
export const ONLINE_CHANNEL_OPTIONS = {
  'grpc.max_send_message_length': 27 * 1024 * 1024,
  'grpc.max_receive_message_length': 6 * 1024 * 1024,
};

export function createOnlineApplicationGateway(
  address: string,
  tokens: ServiceTokens,
  deadlineMs: number,
  metrics?: Metrics,
): OnlineApplicationGateway {
  return new OnlineApplicationGateway(
    createGrpcClient(OnlineApplicationServiceClient, address, {
      defaultDeadlineMs: deadlineMs,
      metrics,
      channelOptions: ONLINE_CHANNEL_OPTIONS,
    }),
    tokens,
    deadlineMs,
  );
}
