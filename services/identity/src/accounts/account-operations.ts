/** The account changes after creation, each one `changeAccount` plan. */
import { FailedPreconditionError, PermissionDeniedError } from '@posa/platform';
import type { NationalDomainCode } from '../domain/access-model';
import type { Role } from '@posa/auth';
import { generateTemporaryPassword, validateDomain } from '../domain/account-input';
import {
  accountLockedEvent,
  accountRolesChangedEvent,
  accountUnlockedEvent,
} from '../events/account-events';
import type { StoredAccount } from '../store/account-store';
import { getAccountBySubject } from '../store/account-store';
import type { AccountDeps, Caller } from './account-context';
import { authoriseOnAccount } from './account-access';
import { changeAccount } from './change-account';

export async function updateRoles(
  deps: AccountDeps,
  caller: Caller,
  accountId: string,
  roles: string[],
  domain: NationalDomainCode | null,
): Promise<StoredAccount> {
  return changeAccount(deps, caller, accountId, (account) => {
    validateDomain(account.unitCode, roles as Role[], domain);
    authoriseOnAccount(
      deps,
      caller.actor,
      { ...account, nationalDomain: domain },
      { before: account.roles, after: roles },
    );
    if (account.nationalDomain !== domain) {
      authoriseOnAccount(deps, caller.actor, account, { before: account.roles });
    }
    return {
      action: 'account.roles',
      changes: { nationalDomain: domain },
      roles,
      events: (a, stamp) => [
        accountRolesChangedEvent(
          { accountId: a.id, unitCode: a.unitCode, before: account.roles, after: roles },
          stamp,
        ),
      ],
      provider: (idp, subject) => idp.setRoles(subject, roles),
      undo: (idp, subject) => idp.setRoles(subject, account.roles),
    };
  });
}

export async function lock(
  deps: AccountDeps,
  caller: Caller,
  accountId: string,
  reason: string,
): Promise<StoredAccount> {
  return changeAccount(deps, caller, accountId, (account) => {
    authoriseOnAccount(deps, caller.actor, account, { before: account.roles });
    if (account.subject === caller.actor.userId) {
      throw new FailedPreconditionError(
        'an administrator cannot lock its own account; report the password compromised instead',
      );
    }
    if (account.status === 'locked')
      throw new FailedPreconditionError(`account ${accountId} is already locked`);
    return {
      action: 'account.lock',
      changes: { status: 'locked', lockReason: 'admin_action' },
      detail: { reason },
      events: (a, stamp) => [
        accountLockedEvent(
          { accountId: a.id, unitCode: a.unitCode, reasonCode: 'admin_action' },
          stamp,
        ),
      ],
      provider: async (idp, subject) => {
        await idp.setEnabled(subject, false);
        await idp.logoutAll(subject);
      },
      undo: (idp, subject) => idp.setEnabled(subject, true),
    };
  });
}

/** Unlocks with a fresh temporary password (returned once). */
export async function unlock(
  deps: AccountDeps,
  caller: Caller,
  accountId: string,
): Promise<{ account: StoredAccount; temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const account = await changeAccount(deps, caller, accountId, (account) => {
    authoriseOnAccount(deps, caller.actor, account, { before: account.roles });
    if (account.status !== 'locked')
      throw new FailedPreconditionError(`account ${accountId} is not locked`);
    return {
      action: 'account.unlock',
      changes: { status: 'active', lockReason: null, passwordResetRequired: true },
      events: (a, stamp) => [
        accountUnlockedEvent({ accountId: a.id, unitCode: a.unitCode }, stamp),
      ],
      provider: async (idp, subject) => {
        await idp.setPassword(subject, temporaryPassword, true);
        await idp.setEnabled(subject, true);
      },
      undo: (idp, subject) => idp.setEnabled(subject, false),
    };
  });
  return { account, temporaryPassword };
}

/** Issues a temporary password and ends the user's sessions. */
export async function resetPassword(
  deps: AccountDeps,
  caller: Caller,
  accountId: string,
): Promise<{ account: StoredAccount; temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const account = await changeAccount(deps, caller, accountId, (account) => {
    authoriseOnAccount(deps, caller.actor, account, { before: account.roles });
    if (account.status === 'locked') {
      throw new FailedPreconditionError(
        `account ${accountId} is locked; unlock it (which issues a temporary password)`,
      );
    }
    return {
      action: 'account.password_reset',
      changes: { passwordResetRequired: true },
      events: () => [],
      provider: async (idp, subject) => {
        await idp.setPassword(subject, temporaryPassword, true);
        await idp.logoutAll(subject);
      },
    };
  });
  return { account, temporaryPassword };
}

/**
 * Art. 3.2: the password is lost or used by someone else. The user themself, or an
 * administrator of the account, locks it and revokes every session and token at once.
 */
export async function reportCompromised(
  deps: AccountDeps,
  caller: Caller,
  accountId: string | null,
): Promise<StoredAccount> {
  let id = accountId;
  if (id === null) {
    const own = await getAccountBySubject(deps.pool, caller.actor.userId);
    if (own === undefined)
      throw new PermissionDeniedError('the caller has no account managed by identity');
    id = own.id;
  }
  return changeAccount(deps, caller, id, (account) => {
    if (account.subject !== caller.actor.userId) {
      authoriseOnAccount(deps, caller.actor, account, { before: account.roles });
    }
    return {
      action: 'account.password_compromised',
      changes: {
        status: 'locked',
        lockReason: 'password_compromised',
        passwordResetRequired: true,
      },
      events: (a, stamp) => [
        accountLockedEvent(
          { accountId: a.id, unitCode: a.unitCode, reasonCode: 'password_compromised' },
          stamp,
        ),
      ],
      // Already locked: sessions are revoked again all the same (a report is never refused).
      provider: async (idp, subject) => {
        await idp.setEnabled(subject, false);
        await idp.logoutAll(subject);
      },
    };
  });
}
