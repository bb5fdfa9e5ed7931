/**
 * What ListCases checks first: the unit (a 2025 commune or province, a 2024 district, or "VN")
 * within the caller's reach, the page size, and the page token, bound to the query so a token
 * of another unit or filter is refused.
 */
import { createHash } from 'node:crypto';
import { isInJurisdiction, NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError } from '@posa/platform';
import type { AccessDeps } from './case-access';

export type CaseListScope =
  | { level: 'national' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; communeCode: string }
  | { level: 'district'; districtCode: string };

const DISTRICT = /^[0-9]{3}$/;

/** The scope of `unitCode` (empty: the caller's own unit); PERMISSION_DENIED out of reach. */
export function caseListScopeOf(
  principal: Principal,
  unitCode: string,
  deps: AccessDeps,
): CaseListScope {
  const unit = unitCode === '' ? principal.unitCode : unitCode;
  let scope: CaseListScope;
  if (unit === NATIONAL_UNIT_CODE) scope = { level: 'national' };
  else if (deps.units.isProvince(unit)) scope = { level: 'province', provinceCode: unit };
  else if (deps.units.provinceOfCommune(unit) !== undefined) {
    scope = { level: 'commune', communeCode: unit };
  } else if (DISTRICT.test(unit)) scope = { level: 'district', districtCode: unit };
  else {
    throw new InvalidArgumentError(
      'unit_code',
      'is not a commune or province of the 2025 structure, a 2024 district or VN',
    );
  }
  const reach =
    scope.level === 'district'
      ? principal.isService ||
        principal.unitCode === NATIONAL_UNIT_CODE ||
        principal.unitCode === unit
      : isInJurisdiction(principal, unit, deps.units.tree) ||
        (scope.level === 'commune' && deps.predecessors.of(unit).includes(principal.unitCode));
  if (!reach) throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
  return scope;
}

/** The page size asked for (0: `defaultSize`), capped at `maxSize`; negative is refused. */
export function pageSizeOf(requested: number, defaultSize: number, maxSize: number): number {
  if (requested < 0) throw new InvalidArgumentError('page.page_size', 'must not be negative');
  return Math.min(requested === 0 ? defaultSize : requested, maxSize);
}

const TOKEN_FIELD = 'page.page_token';
const digestOf = (query: string): string =>
  createHash('sha256').update(query).digest('base64url').slice(0, 12);

/** Token of the next page: the last case code and a digest of the query. */
export function encodePageToken(query: string, lastCode: string): string {
  return Buffer.from(JSON.stringify({ d: digestOf(query), k: lastCode }), 'utf8').toString(
    'base64url',
  );
}

/** The last case code of the previous page, or undefined for the first page. */
export function decodePageToken(query: string, token: string): string | undefined {
  if (token === '') return undefined;
  let body: { d?: unknown; k?: unknown };
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof body;
  } catch {
    throw new InvalidArgumentError(TOKEN_FIELD, 'is not a token of this list');
  }
  if (typeof body !== 'object' || body === null || typeof body.k !== 'string') {
    throw new InvalidArgumentError(TOKEN_FIELD, 'is not a token of this list');
  }
  if (body.d !== digestOf(query)) {
    throw new InvalidArgumentError(TOKEN_FIELD, 'belongs to another unit or filter');
  }
  return body.k;
}
