/** Account writes: decode and validate, run the operation (which authorises), encode. */
import { hasRole } from '@posa/auth';
import { PermissionDeniedError, type CallContext } from '@posa/platform';
import type {
  CreateAccountRequest,
  CreateAccountResponse,
  LockAccountRequest,
  LockAccountResponse,
  ReconcileAccountsResponse,
  ReportPasswordCompromisedRequest,
  ReportPasswordCompromisedResponse,
  ResetPasswordRequest,
  ResetPasswordResponse,
  UnlockAccountRequest,
  UnlockAccountResponse,
  UpdateRolesRequest,
  UpdateRolesResponse,
} from '@posa/proto';
import { callerOf, type AccountDeps } from '../accounts/account-context';
import {
  lock,
  reportCompromised,
  resetPassword,
  unlock,
  updateRoles,
} from '../accounts/account-operations';
import { createAccount } from '../accounts/create-account';
import { reconcileAccounts } from '../accounts/reconcile';
import {
  generateTemporaryPassword,
  validateAccountId,
  validateDisplayName,
  validateDomain,
  validateInitialPassword,
  validateLockReason,
  validateRoles,
  validateUnitCode,
  validateUsername,
} from '../domain/account-input';
import { accountToProto, domainFromProto } from './account-mapping';

export function accountWriteHandlers(deps: AccountDeps) {
  return {
    async createAccount(
      request: CreateAccountRequest,
      ctx: CallContext,
    ): Promise<CreateAccountResponse> {
      const caller = await callerOf(deps, ctx);
      const username = validateUsername(request.username);
      const name = validateDisplayName(request.displayName);
      const unitCode = validateUnitCode(request.unitCode);
      const roles = validateRoles(request.roles);
      const domain = validateDomain(unitCode, roles, domainFromProto(request.nationalDomain));
      const password =
        request.initialPassword === ''
          ? generateTemporaryPassword()
          : validateInitialPassword(request.initialPassword, username);
      const account = await createAccount(deps, caller, {
        username,
        name,
        unitCode,
        roles,
        domain,
        password,
      });
      return { account: accountToProto(account), temporaryPassword: password };
    },

    async updateRoles(request: UpdateRolesRequest, ctx: CallContext): Promise<UpdateRolesResponse> {
      const caller = await callerOf(deps, ctx);
      const id = validateAccountId(request.accountId);
      const roles = validateRoles(request.roles);
      const account = await updateRoles(
        deps,
        caller,
        id,
        roles,
        domainFromProto(request.nationalDomain),
      );
      return { account: accountToProto(account) };
    },

    async lockAccount(request: LockAccountRequest, ctx: CallContext): Promise<LockAccountResponse> {
      const caller = await callerOf(deps, ctx);
      const id = validateAccountId(request.accountId);
      const reason = validateLockReason(request.reason);
      return { account: accountToProto(await lock(deps, caller, id, reason)) };
    },

    async unlockAccount(
      request: UnlockAccountRequest,
      ctx: CallContext,
    ): Promise<UnlockAccountResponse> {
      const caller = await callerOf(deps, ctx);
      const result = await unlock(deps, caller, validateAccountId(request.accountId));
      return {
        account: accountToProto(result.account),
        temporaryPassword: result.temporaryPassword,
      };
    },

    async resetPassword(
      request: ResetPasswordRequest,
      ctx: CallContext,
    ): Promise<ResetPasswordResponse> {
      const caller = await callerOf(deps, ctx);
      const result = await resetPassword(deps, caller, validateAccountId(request.accountId));
      return {
        account: accountToProto(result.account),
        temporaryPassword: result.temporaryPassword,
      };
    },

    async reportPasswordCompromised(
      request: ReportPasswordCompromisedRequest,
      ctx: CallContext,
    ): Promise<ReportPasswordCompromisedResponse> {
      const caller = await callerOf(deps, ctx);
      const id = request.accountId === '' ? null : validateAccountId(request.accountId);
      return { account: accountToProto(await reportCompromised(deps, caller, id)) };
    },

    async reconcileAccounts(
      _request: unknown,
      ctx: CallContext,
    ): Promise<ReconcileAccountsResponse> {
      const caller = await callerOf(deps, ctx);
      if (
        caller.actor.isService ||
        caller.actor.unitCode !== 'VN' ||
        !hasRole(caller.actor, 'system_admin')
      ) {
        throw new PermissionDeniedError(
          'reconciling accounts needs role system_admin at the national level',
        );
      }
      const result = await reconcileAccounts(deps.pool, deps.idp, deps.logger);
      return {
        accountsChecked: result.accountsChecked,
        differences: result.differences,
        resolved: result.resolved,
      };
    },
  };
}
