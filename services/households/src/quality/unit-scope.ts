/** The unit a list call is about: a commune, a province or the whole country, within reach. */
import { isInJurisdiction, NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '../store/unit-tree-file';

export interface UnitScope {
  communeCode?: string;
  provinceCode?: string;
}

/** `unitCode` empty means the caller's own unit. */
export function unitScopeOf(principal: Principal, unitCode: string, units: Units): UnitScope {
  const unit = unitCode === '' ? principal.unitCode : unitCode;
  let scope: UnitScope;
  if (unit === NATIONAL_UNIT_CODE) scope = {};
  else if (units.isProvince(unit)) scope = { provinceCode: unit };
  else if (units.provinceOfCommune(unit) !== undefined) scope = { communeCode: unit };
  else {
    throw new InvalidArgumentError(
      'unit_code',
      'is not a province or commune of the 2025 structure',
    );
  }
  if (!isInJurisdiction(principal, unit, units.tree)) {
    throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
  }
  return scope;
}
