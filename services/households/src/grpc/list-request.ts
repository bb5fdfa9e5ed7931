/**
 * What every list and search call of this service checks first: the unit it is about (a
 * commune, a province or the whole country, within the caller's reach) and its page size.
 */
import { isInJurisdiction, NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '@posa/units';

export interface UnitScope {
  communeCode?: string;
  provinceCode?: string;
}

/**
 * The scope of `unitCode` (empty means the caller's own unit): INVALID_ARGUMENT naming
 * `field` for a code that is no commune or province of the 2025 structure, then
 * PERMISSION_DENIED outside the caller's jurisdiction.
 */
export function unitScopeOf(
  principal: Principal,
  unitCode: string,
  units: Units,
  field = 'unit_code',
): UnitScope {
  const unit = unitCode === '' ? principal.unitCode : unitCode;
  let scope: UnitScope;
  if (unit === NATIONAL_UNIT_CODE) scope = {};
  else if (units.isProvince(unit)) scope = { provinceCode: unit };
  else if (units.provinceOfCommune(unit) !== undefined) scope = { communeCode: unit };
  else throw new InvalidArgumentError(field, 'is not a province or commune of the 2025 structure');
  if (!isInJurisdiction(principal, unit, units.tree)) {
    throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
  }
  return scope;
}

/** The page size asked for (0: `defaultSize`), capped at `maxSize`; negative is refused. */
export function pageSizeOf(requested: number, defaultSize: number, maxSize: number): number {
  if (requested < 0) throw new InvalidArgumentError('page.page_size', 'must not be negative');
  return Math.min(requested === 0 ? defaultSize : requested, maxSize);
}
