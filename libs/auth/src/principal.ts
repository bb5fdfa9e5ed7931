import { isRole, type Role } from './roles';

/**
 * The authenticated caller as every service sees it: who (a stable account id, never a
 * name), for which administrative unit they act, and with which roles.
 */
export interface Principal {
  /** Keycloak subject: the stable account id. */
  readonly userId: string;
  /** Code of the unit the account belongs to ("VN" for the national level). */
  readonly unitCode: string;
  readonly roles: ReadonlySet<Role>;
  /** True for service accounts (background jobs), which act for the whole country. */
  readonly isService: boolean;
}

/** The claims POSA reads from a verified access token. */
export interface AccessTokenClaims {
  sub?: unknown;
  unit_code?: unknown;
  realm_access?: unknown;
  azp?: unknown;
  [claim: string]: unknown;
}

export class InvalidPrincipalError extends Error {
  constructor(
    readonly claim: string,
    reason: string,
  ) {
    super(`${claim}: ${reason}`);
    this.name = 'InvalidPrincipalError';
  }
}

/** Unit code of the national level (Bộ), root of every unit tree. */
export const NATIONAL_UNIT_CODE = 'VN';

/** Unit codes are digits (2 province, 3 district, 5 commune, longer for villages) or "VN". */
const UNIT_CODE = /^(VN|[0-9]{2,12})$/;

/**
 * Builds the principal from verified claims. Roles POSA does not know are ignored (Keycloak
 * adds its own, such as `offline_access`). A service account (client credentials grant) has
 * no `unit_code`; it is marked as such and bound to the national level.
 */
export function principalFromClaims(
  claims: AccessTokenClaims,
  options: { serviceClients?: readonly string[] } = {},
): Principal {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) {
    throw new InvalidPrincipalError('sub', 'missing');
  }
  const roles = new Set<Role>();
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  if (realmAccess && Array.isArray(realmAccess.roles)) {
    for (const role of realmAccess.roles) {
      if (typeof role === 'string' && isRole(role)) roles.add(role);
    }
  }
  const azp = typeof claims.azp === 'string' ? claims.azp : '';
  const isService = claims.unit_code === undefined && (options.serviceClients ?? []).includes(azp);
  if (isService) {
    return { userId: sub, unitCode: NATIONAL_UNIT_CODE, roles, isService: true };
  }
  const unitCode = claims.unit_code;
  if (typeof unitCode !== 'string' || unitCode.length === 0) {
    throw new InvalidPrincipalError('unit_code', 'missing: the account is not bound to a unit');
  }
  if (!UNIT_CODE.test(unitCode)) {
    throw new InvalidPrincipalError('unit_code', 'not a unit code');
  }
  return { userId: sub, unitCode, roles, isService: false };
}

export function hasRole(principal: Principal, ...anyOf: Role[]): boolean {
  return anyOf.some((role) => principal.roles.has(role));
}
