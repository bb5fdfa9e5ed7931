/**
 * Which roles open which console pages. The navigation shows only the entries a user's
 * roles allow; a page opened directly without them answers 403 with a page that names the
 * roles needed. The services check every call again themselves.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '@posa/auth';
import { principalOfRequest } from './auth';
import { EdgeError } from './errors';

export const ACCOUNT_PAGE_ROLES: readonly Role[] = ['unit_admin', 'system_admin'];
export const AUDIT_PAGE_ROLES: readonly Role[] = ['auditor', 'system_admin'];

export function holdsAny(roles: ReadonlySet<string> | undefined, wanted: readonly Role[]): boolean {
  return roles !== undefined && wanted.some((r) => roles.has(r));
}

/** A page refused because the user lacks every role it needs (403). */
export class RoleRequiredError extends EdgeError {
  constructor(
    readonly needed: readonly Role[],
    readonly held: readonly string[],
  ) {
    super(403, 'PERMISSION_DENIED', `this page needs role ${needed.join(' or ')}`);
    this.name = 'RoleRequiredError';
  }
}

/** Middleware: the signed-in user must hold one of `roles` (run after requireSignIn). */
export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const principal = principalOfRequest(req);
    if (holdsAny(principal?.roles, roles)) return next();
    next(new RoleRequiredError(roles, [...(principal?.roles ?? [])].sort()));
  };
}
