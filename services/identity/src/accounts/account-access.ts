/**
 * Authorisation of writes on an existing account, from the pure rules: the caller must
 * administer the account's unit and be able to grant every role involved (an administrator
 * cannot lock, reset or strip a colleague it could not have appointed).
 *
 * Accounts stay bound to the unit of the structure in force when they were created. After
 * the 2025 reform an account of a 2024 unit is administered through the 2025 province that
 * took over its old province: that province's administrators (and the national ones) may
 * lock, unlock, reset it; nobody may grant it roles, since its tier or unit is no longer in
 * force (it must be re-issued under a 2025 unit).
 */
import { PermissionDeniedError } from '@posa/platform';
import type { Actor } from '../domain/access-model';
import { tierOfCode } from '../domain/access-model';
import { canGrant, canManageAccount } from '../domain/grant-rules';
import type { StoredAccount } from '../store/account-store';
import { structureToday, type AccountDeps } from './account-context';

function denied(reason: string): never {
  throw new PermissionDeniedError(reason);
}

/** Throws PERMISSION_DENIED unless the actor may act on the account (and grant `roles`). */
export function authoriseOnAccount(
  deps: AccountDeps,
  actor: Actor,
  account: StoredAccount,
  roles: { before: readonly string[]; after?: readonly string[] },
): void {
  const { id, tree, date } = structureToday(deps);
  const legacy = account.unitStructure !== null && account.unitStructure !== id;
  if (legacy) {
    if (roles.after !== undefined) {
      denied(
        `account ${account.id} belongs to unit ${account.unitCode} of the ${account.unitStructure} structure, no longer in force: it cannot be granted roles`,
      );
    }
    const province = deps.successorProvince().get(account.provinceCode ?? '');
    if (province === undefined) denied(`unit ${account.unitCode} has no successor province`);
    const manage = canManageAccount(actor, province, tree);
    if (!manage.allowed) denied(manage.reason);
    return;
  }
  const manage = canManageAccount(actor, account.unitCode, tree);
  if (!manage.allowed) denied(manage.reason);
  const target = {
    unitCode: account.unitCode,
    tier: tierOfCode(account.unitCode) ?? account.tier,
    relation: manage.relation,
    domain: account.nationalDomain,
  };
  const held = canGrant(actor, roles.before, target, date, deps.access());
  if (!held.allowed) denied(`the account holds roles the caller may not grant: ${held.reason}`);
  if (roles.after !== undefined) {
    const wanted = canGrant(actor, roles.after, target, date, deps.access());
    if (!wanted.allowed) denied(wanted.reason);
  }
}
