/**
 * CreateAccount. Identity's database is the record; Keycloak follows it, synchronously
 * with compensation:
 *  1. commit a `pending` row (the username is reserved; no event yet);
 *  2. create the provider user (unit attribute, roles, temporary password);
 *  3. commit the row as `active` with the provider's subject, the audit entry and the
 *     AccountCreated event in one transaction.
 * A failure at 2 removes the pending row; a failure at 3 deletes the provider user and the
 * row. A crash between 1 and 3 leaves a `pending` row that reconciliation reports
 * (provisioning_incomplete) instead of silently differing.
 */
import { randomUUID } from 'node:crypto';
import { appendToOutbox, mapPgError, UniqueViolation, withTransaction } from '@posa/db';
import {
  AlreadyExistsError,
  InvalidArgumentError,
  PermissionDeniedError,
  UnavailableError,
} from '@posa/platform';
import { tierOfCode, type NationalDomainCode } from '../domain/access-model';
import type { PersonName } from '../domain/account-input';
import { canGrant, canManageAccount } from '../domain/grant-rules';
import { accountCreatedEvent } from '../events/account-events';
import { ProviderConflictError } from '../keycloak/identity-provider-admin';
import {
  deleteAccount,
  getAccount,
  insertPendingAccount,
  updateAccount,
  type StoredAccount,
} from '../store/account-store';
import { appendAudit } from '../store/audit-store';
import { structureToday, type AccountDeps, type Caller } from './account-context';
import { accountSnapshot } from './account-snapshot';

export interface CreateAccountInput {
  username: string;
  name: PersonName;
  unitCode: string;
  roles: string[];
  domain: NationalDomainCode | null;
  password: string;
}

export async function createAccount(
  deps: AccountDeps,
  caller: Caller,
  input: CreateAccountInput,
): Promise<StoredAccount> {
  const { id: structure, tree, date } = structureToday(deps);
  if (!tree.has(input.unitCode)) {
    throw new InvalidArgumentError(
      'unit_code',
      `is not a unit of the structure in force on ${date}`,
    );
  }
  const manage = canManageAccount(caller.actor, input.unitCode, tree);
  if (!manage.allowed) throw new PermissionDeniedError(manage.reason);
  const tier = tierOfCode(input.unitCode)!;
  const grant = canGrant(
    caller.actor,
    input.roles,
    { unitCode: input.unitCode, tier, relation: manage.relation, domain: input.domain },
    date,
    deps.access(),
  );
  if (!grant.allowed) throw new PermissionDeniedError(grant.reason);

  const id = randomUUID();
  try {
    await withTransaction(deps.pool, (client) =>
      insertPendingAccount(client, {
        id,
        username: input.username,
        displayName: input.name.displayName,
        unitCode: input.unitCode,
        unitStructure: input.unitCode === 'VN' ? null : structure,
        tier,
        nationalDomain: input.domain,
        roles: input.roles,
        createdBy: caller.actor.userId,
      }),
    );
  } catch (err) {
    if (mapPgError(err) instanceof UniqueViolation)
      throw new AlreadyExistsError(`an account with this username exists`);
    throw err;
  }

  let subject: string;
  try {
    subject = await deps.idp.createUser({
      username: input.username,
      firstName: input.name.firstName,
      lastName: input.name.lastName,
      unitCode: input.unitCode,
      roles: input.roles,
      enabled: true,
      password: input.password,
      temporary: true,
    });
  } catch (err) {
    await deleteAccount(deps.pool, id);
    if (err instanceof ProviderConflictError) {
      throw new AlreadyExistsError('the identity provider already has a user with this username');
    }
    deps.logger.error(
      { err, accountId: id },
      'identity provider refused the new account; nothing kept',
    );
    throw new UnavailableError('the identity provider is unavailable; the account was not created');
  }

  try {
    return await withTransaction(deps.pool, async (client) => {
      await updateAccount(client, id, { status: 'active', subject, passwordResetRequired: true });
      const account = (await getAccount(client, id))!;
      const at = account.updatedAt;
      await appendAudit(client, {
        actorId: caller.actor.userId,
        actorUnitCode: caller.actor.unitCode,
        action: 'account.create',
        targetType: 'account',
        targetId: id,
        unitCode: account.unitCode,
        unitStructure: account.unitStructure,
        provinceCode: account.provinceCode ?? '',
        sourceAddress: caller.sourceAddress,
        before: null,
        after: accountSnapshot(account),
        at,
      });
      await appendToOutbox(client, [
        accountCreatedEvent(
          { accountId: id, unitCode: account.unitCode, roles: account.roles },
          {
            actorId: caller.actor.userId,
            actorUnitCode: caller.actor.unitCode,
            sourceAddress: caller.sourceAddress,
            at,
          },
        ),
      ]);
      return account;
    });
  } catch (err) {
    await deps.idp
      .deleteUser(subject)
      .catch((undoErr: unknown) =>
        deps.logger.error(
          { err: undoErr, accountId: id },
          'could not remove the provider user of a failed create',
        ),
      );
    await deleteAccount(deps.pool, id).catch(() => undefined);
    throw err;
  }
}
