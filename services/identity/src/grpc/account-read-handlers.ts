/** Account reads and drift reports: only inside the caller's jurisdiction. */
import { hasRole } from '@posa/auth';
import { NotFoundError, PermissionDeniedError, type CallContext } from '@posa/platform';
import type {
  GetAccountRequest,
  GetAccountResponse,
  GetMyAccountResponse,
  ListAccountsRequest,
  ListAccountsResponse,
  ListDriftRequest,
  ListDriftResponse,
} from '@posa/proto';
import { callerOf, scopeOf, type AccountDeps, type Caller } from '../accounts/account-context';
import { validateAccountId, validateRoles, validateUnitCode } from '../domain/account-input';
import { decodePageToken, pageOf, pageSizeOf } from '../domain/page-token';
import { getAccountBySubject, listAccounts } from '../store/account-store';
import { listDrift } from '../store/drift-store';
import { accountToProto, driftToProto, statusFromProto } from './account-mapping';

const READER_ROLES = ['system_admin', 'unit_admin', 'auditor'] as const;

function assertReader(caller: Caller): void {
  if (caller.actor.isService || !hasRole(caller.actor, ...READER_ROLES)) {
    throw new PermissionDeniedError(
      'reading accounts needs role system_admin, unit_admin or auditor',
    );
  }
}

export function accountReadHandlers(deps: AccountDeps) {
  return {
    async getAccount(request: GetAccountRequest, ctx: CallContext): Promise<GetAccountResponse> {
      const caller = await callerOf(deps, ctx);
      const id = validateAccountId(request.accountId);
      const own = await getAccountBySubject(deps.pool, caller.actor.userId);
      if (own?.id === id) return { account: accountToProto(own) };
      assertReader(caller);
      const [account] = await listAccounts(deps.pool, {
        scope: await scopeOf(deps, caller.actor.unitCode),
        within: null,
        role: null,
        status: null,
        afterUsername: null,
        limit: 1,
        id,
      });
      // The same answer whether it does not exist or lies outside the jurisdiction.
      if (account === undefined)
        throw new NotFoundError(`account ${id} does not exist in the caller's jurisdiction`);
      return { account: accountToProto(account) };
    },

    async listAccounts(
      request: ListAccountsRequest,
      ctx: CallContext,
    ): Promise<ListAccountsResponse> {
      const caller = await callerOf(deps, ctx);
      assertReader(caller);
      const limit = pageSizeOf(request.page);
      const unit = request.unitCode === '' ? null : validateUnitCode(request.unitCode);
      const role = request.role === '' ? null : validateRoles([request.role])[0]!;
      const status = statusFromProto(request.status);
      const queryKey = `accounts:${caller.actor.unitCode}:${unit ?? ''}:${role ?? ''}:${status ?? ''}`;
      const after = decodePageToken(request.page?.pageToken, queryKey, 1);
      const rows = await listAccounts(deps.pool, {
        scope: await scopeOf(deps, caller.actor.unitCode),
        within: unit === null ? null : await scopeOf(deps, unit),
        role,
        status,
        afterUsername: (after?.[0] as string) ?? null,
        limit: limit + 1,
        id: null,
      });
      const page = pageOf(rows, limit, queryKey, (a) => [a.username]);
      return {
        accounts: page.items.map(accountToProto),
        page: { nextPageToken: page.nextPageToken },
      };
    },

    async getMyAccount(_request: unknown, ctx: CallContext): Promise<GetMyAccountResponse> {
      const caller = await callerOf(deps, ctx);
      const own = await getAccountBySubject(deps.pool, caller.actor.userId);
      if (own === undefined)
        throw new NotFoundError('the caller has no account managed by identity');
      return { account: accountToProto(own) };
    },

    async listDrift(request: ListDriftRequest, ctx: CallContext): Promise<ListDriftResponse> {
      const caller = await callerOf(deps, ctx);
      if (
        caller.actor.isService ||
        caller.actor.unitCode !== 'VN' ||
        !hasRole(caller.actor, 'system_admin', 'auditor')
      ) {
        throw new PermissionDeniedError(
          'drift reports need role system_admin or auditor at the national level',
        );
      }
      const limit = pageSizeOf(request.page);
      const queryKey = `drift:${request.includeResolved}`;
      const after = decodePageToken(request.page?.pageToken, queryKey, 1);
      const rows = await listDrift(deps.pool, {
        includeResolved: request.includeResolved,
        afterId: (after?.[0] as string) ?? null,
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, queryKey, (d) => [d.id]);
      return { reports: page.items.map(driftToProto), page: { nextPageToken: page.nextPageToken } };
    },
  };
}
