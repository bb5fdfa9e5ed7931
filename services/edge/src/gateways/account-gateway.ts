/**
 * The identity service's AccountService and AuditService as the edge calls them: the user's
 * access token and address on every call, a deadline, and reads marked idempotent (retried
 * when the service is briefly unavailable). Writes are never retried.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  AccountServiceClient,
  AuditServiceClient,
  type AccountServiceService,
  type AuditServiceService,
  type CreateAccountRequest,
  type CreateAccountResponse,
  type GetAccountResponse,
  type GetMyAccountResponse,
  type ListAccountsRequest,
  type ListAccountsResponse,
  type ListAuditEntriesRequest,
  type ListAuditEntriesResponse,
  type ListGrantableRolesResponse,
  type LockAccountResponse,
  type ReportPasswordCompromisedResponse,
  type ResetPasswordResponse,
  type UnlockAccountResponse,
  type UpdateRolesRequest,
  type UpdateRolesResponse,
} from '@posa/proto';
import { callerOptions, type Caller } from './unit-gateway';

export class AccountGateway {
  constructor(
    private readonly accounts: GrpcClient<AccountServiceService>,
    private readonly audit: GrpcClient<AuditServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  createAccount(caller: Caller, request: CreateAccountRequest): Promise<CreateAccountResponse> {
    return this.accounts.call('createAccount', request, this.options(caller, false));
  }

  getAccount(caller: Caller, accountId: string): Promise<GetAccountResponse> {
    return this.accounts.call('getAccount', { accountId }, this.options(caller, true));
  }

  listAccounts(caller: Caller, request: ListAccountsRequest): Promise<ListAccountsResponse> {
    return this.accounts.call('listAccounts', request, this.options(caller, true));
  }

  updateRoles(caller: Caller, request: UpdateRolesRequest): Promise<UpdateRolesResponse> {
    return this.accounts.call('updateRoles', request, this.options(caller, false));
  }

  lockAccount(caller: Caller, accountId: string, reason: string): Promise<LockAccountResponse> {
    return this.accounts.call('lockAccount', { accountId, reason }, this.options(caller, false));
  }

  unlockAccount(caller: Caller, accountId: string): Promise<UnlockAccountResponse> {
    return this.accounts.call('unlockAccount', { accountId }, this.options(caller, false));
  }

  resetPassword(caller: Caller, accountId: string): Promise<ResetPasswordResponse> {
    return this.accounts.call('resetPassword', { accountId }, this.options(caller, false));
  }

  /** Empty id: the caller's own account. */
  reportPasswordCompromised(
    caller: Caller,
    accountId: string,
  ): Promise<ReportPasswordCompromisedResponse> {
    return this.accounts.call(
      'reportPasswordCompromised',
      { accountId },
      this.options(caller, false),
    );
  }

  getMyAccount(caller: Caller): Promise<GetMyAccountResponse> {
    return this.accounts.call('getMyAccount', {}, this.options(caller, true));
  }

  /** The roles the caller may grant to an account of `unitCode` today. */
  listGrantableRoles(caller: Caller, unitCode: string): Promise<ListGrantableRolesResponse> {
    return this.accounts.call('listGrantableRoles', { unitCode }, this.options(caller, true));
  }

  listAuditEntries(
    caller: Caller,
    request: ListAuditEntriesRequest,
  ): Promise<ListAuditEntriesResponse> {
    return this.audit.call('listAuditEntries', request, this.options(caller, true));
  }

  close(): void {
    this.accounts.close();
    this.audit.close();
  }
}

export function createAccountGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): AccountGateway {
  const options = { defaultDeadlineMs: deadlineMs, metrics };
  return new AccountGateway(
    createGrpcClient(AccountServiceClient, address, options),
    createGrpcClient(AuditServiceClient, address, options),
    deadlineMs,
  );
}
