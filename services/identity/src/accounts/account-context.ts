/**
 * What account operations need: the database, the identity provider, the date in Vietnam,
 * the structure in force with its tree, the access data, and how old units map to new
 * provinces. Also who calls (the actor) and from where.
 */
import type pg from 'pg';
import { NATIONAL_UNIT_CODE, principalOf, type UnitTree } from '@posa/auth';
import {
  PermissionDeniedError,
  type CallContext,
  type Logger,
  sourceAddressOf,
} from '@posa/platform';
import type { AccessData, Actor } from '../domain/access-model';
import { structureInForce, type StructureId } from '../domain/structures';
import type { IdentityProviderAdmin } from '../keycloak/identity-provider-admin';
import { getAccountBySubject } from '../store/account-store';
import type { JurisdictionScope } from '../store/jurisdiction-scope';

export interface AccountDeps {
  pool: pg.Pool;
  idp: IdentityProviderAdmin;
  logger: Logger;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: () => string;
  trees: () => Readonly<Record<StructureId, UnitTree>>;
  access: () => AccessData;
  /** 2024 province code → 2025 province code. */
  successorProvince: () => ReadonlyMap<string, string>;
}

export interface Caller {
  actor: Actor;
  sourceAddress: string;
}

/** The structure and tree in force today; a date outside the catalogue is refused. */
export function structureToday(deps: AccountDeps): {
  id: StructureId;
  tree: UnitTree;
  date: string;
} {
  const date = deps.today();
  const spec = structureInForce(date);
  if (spec === undefined)
    throw new PermissionDeniedError(`no administrative structure is in force on ${date}`);
  return { id: spec.id, tree: deps.trees()[spec.id], date };
}

/** The verified principal plus its account's national domain, and the source address. */
export async function callerOf(deps: AccountDeps, ctx: CallContext): Promise<Caller> {
  const principal = principalOf(ctx);
  const own = principal.isService
    ? undefined
    : await getAccountBySubject(deps.pool, principal.userId);
  return {
    actor: {
      userId: principal.userId,
      unitCode: principal.unitCode,
      roles: principal.roles,
      isService: principal.isService,
      domain: own?.nationalDomain ?? null,
    },
    sourceAddress: sourceAddressOf(ctx),
  };
}

/** The rows a caller's unit reaches today, as a SQL scope. */
export async function scopeOf(deps: AccountDeps, unitCode: string): Promise<JurisdictionScope> {
  if (unitCode === NATIONAL_UNIT_CODE) return { national: true };
  const { id, date } = structureToday(deps);
  const { rows } = await deps.pool.query(
    'SELECT path, level FROM unit WHERE structure = $1 AND code = $2',
    [id, unitCode],
  );
  const unit = rows[0] as { path: string; level: string } | undefined;
  if (unit === undefined) {
    throw new PermissionDeniedError(
      `unit ${unitCode} is not a unit of the structure in force on ${date}`,
    );
  }
  return {
    national: false,
    structure: id,
    unitCode,
    path: unit.path,
    isProvince: unit.level === 'province',
  };
}
