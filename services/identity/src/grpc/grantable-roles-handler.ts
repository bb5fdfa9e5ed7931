/**
 * ListGrantableRoles: the roles the caller may grant today to an account of a unit, from the
 * grant rules in force (the console offers exactly these). A unit outside the caller's
 * jurisdiction is PERMISSION_DENIED with the reason; a unit that is no longer in force (a
 * district or 2024 code after the reform) is answered with nothing grantable.
 */
import { NATIONAL_UNIT_CODE } from '@posa/auth';
import { PermissionDeniedError, type CallContext } from '@posa/platform';
import type { ListGrantableRolesRequest, ListGrantableRolesResponse } from '@posa/proto';
import { callerOf, structureToday, type AccountDeps } from '../accounts/account-context';
import { tierOfCode } from '../domain/access-model';
import { validateUnitCode } from '../domain/account-input';
import { canManageAccount } from '../domain/grant-rules';
import { grantableRoles } from '../domain/grantable-roles';
import { domainToProto } from './account-mapping';

export function grantableRolesHandlers(deps: AccountDeps) {
  return {
    async listGrantableRoles(
      request: ListGrantableRolesRequest,
      ctx: CallContext,
    ): Promise<ListGrantableRolesResponse> {
      const caller = await callerOf(deps, ctx);
      const unitCode = validateUnitCode(request.unitCode);
      const { tree, date } = structureToday(deps);
      const tier = tierOfCode(unitCode);
      if (tier === undefined || (unitCode !== NATIONAL_UNIT_CODE && !tree.has(unitCode))) {
        return { roles: [], domainRoles: [] };
      }
      const manage = canManageAccount(caller.actor, unitCode, tree);
      if (!manage.allowed) throw new PermissionDeniedError(manage.reason);
      const found = grantableRoles(
        caller.actor,
        { unitCode, tier, relation: manage.relation },
        date,
        deps.access(),
      );
      return {
        roles: found.roles,
        domainRoles: found.byDomain.map((d) => ({
          nationalDomain: domainToProto(d.domain),
          roles: d.roles,
        })),
      };
    },
  };
}
