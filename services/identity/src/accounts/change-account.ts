/**
 * One change to an existing account, all or nothing across the database and the identity
 * provider: inside one transaction the row is locked, authorised, changed, audited and its
 * event appended; the provider is then updated and only then the transaction commits. A
 * provider failure rolls the database back (UNAVAILABLE, nothing changed). A commit failure
 * after the provider changed runs `undo` on the provider; if even that fails, the next
 * reconciliation reports the difference.
 */
import type pg from 'pg';
import { appendToOutbox, withTransaction, type OutboxEvent } from '@posa/db';
import {
  DomainError,
  FailedPreconditionError,
  NotFoundError,
  UnavailableError,
} from '@posa/platform';
import type { IdentityProviderAdmin } from '../keycloak/identity-provider-admin';
import {
  getAccount,
  lockAccount,
  replaceRoles,
  updateAccount,
  type AccountChanges,
  type StoredAccount,
} from '../store/account-store';
import { appendAudit } from '../store/audit-store';
import type { EventStamp } from '../events/account-events';
import type { AccountDeps, Caller } from './account-context';
import { accountSnapshot } from './account-snapshot';

export interface AccountChangePlan {
  action: string;
  changes: AccountChanges;
  roles?: readonly string[];
  /** Extra audit detail (never a password). */
  detail?: Record<string, unknown>;
  events: (account: StoredAccount, stamp: EventStamp) => OutboxEvent[];
  provider: (idp: IdentityProviderAdmin, subject: string) => Promise<void>;
  undo?: (idp: IdentityProviderAdmin, subject: string) => Promise<void>;
}

export async function changeAccount(
  deps: AccountDeps,
  caller: Caller,
  accountId: string,
  plan: (account: StoredAccount) => AccountChangePlan,
): Promise<StoredAccount> {
  let providerChanged: { subject: string; undo?: AccountChangePlan['undo'] } | undefined;
  try {
    return await withTransaction(deps.pool, async (client: pg.PoolClient) => {
      const before = await lockAccount(client, accountId);
      if (before === undefined) throw new NotFoundError(`account ${accountId} does not exist`);
      if (before.status === 'pending' || before.subject === null) {
        throw new FailedPreconditionError(`account ${accountId} is still being provisioned`);
      }
      const p = plan(before); // authorises; throws PERMISSION_DENIED or FAILED_PRECONDITION
      await updateAccount(client, accountId, p.changes);
      if (p.roles !== undefined) await replaceRoles(client, accountId, p.roles);
      const after = (await getAccount(client, accountId))!;
      const stamp = {
        actorId: caller.actor.userId,
        actorUnitCode: caller.actor.unitCode,
        sourceAddress: caller.sourceAddress,
        at: after.updatedAt,
      };
      await appendAudit(client, {
        ...stamp,
        action: p.action,
        targetType: 'account',
        targetId: accountId,
        unitCode: after.unitCode,
        unitStructure: after.unitStructure,
        provinceCode: after.provinceCode ?? '',
        before: accountSnapshot(before),
        after: { ...accountSnapshot(after), ...p.detail },
      });
      await appendToOutbox(client, p.events(after, stamp));
      try {
        await p.provider(deps.idp, before.subject);
      } catch (err) {
        deps.logger.error(
          { err, accountId, action: p.action },
          'identity provider change failed; nothing changed',
        );
        throw new UnavailableError(
          'the identity provider is unavailable; the account was not changed',
        );
      }
      providerChanged = { subject: before.subject, undo: p.undo };
      return after;
    });
  } catch (err) {
    if (providerChanged?.undo !== undefined && !(err instanceof DomainError)) {
      await providerChanged
        .undo(deps.idp, providerChanged.subject)
        .catch((undoErr: unknown) =>
          deps.logger.error(
            { err: undoErr, accountId },
            'could not undo a provider change; reconciliation will report it',
          ),
        );
    }
    throw err;
  }
}
