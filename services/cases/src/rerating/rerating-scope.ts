/**
 * Which running cases a new catalogue version can change (pure): a province's own base level
 * touches the cases of that province, the national one every case; a coefficient line the
 * cases of its category; a care-support type the cases of that type. A new category or
 * emergency-assistance type changes no running amount.
 */
import { firstMonthStartingOnOrAfter, type Month } from '@posa/platform';
import type { CatalogueEntity } from '../store/policy-store';

export interface ReratingScope {
  fromMonth: Month;
  provinceCode: string | null;
  categoryCode: string | null;
  careSupportTypeCode: string | null;
}

/** The fields of a new version that say whom it concerns (each entity has some of them). */
export interface EditedVersion {
  validFrom: string;
  provinceCode?: string | null;
  categoryCode?: string;
  code?: string;
}

export function reratingScopeOf(
  entity: CatalogueEntity,
  version: EditedVersion,
): ReratingScope | undefined {
  const scope: ReratingScope = {
    // A version valid from the 15th first applies to the next month.
    fromMonth: firstMonthStartingOnOrAfter(version.validFrom),
    provinceCode: null,
    categoryCode: null,
    careSupportTypeCode: null,
  };
  switch (entity) {
    case 'base_level':
      return { ...scope, provinceCode: version.provinceCode ?? null };
    case 'coefficient_rule':
      return { ...scope, categoryCode: version.categoryCode ?? null };
    case 'care_support_type':
      return { ...scope, careSupportTypeCode: version.code ?? null };
    case 'allowance_category':
    case 'emergency_assistance_type':
      return undefined;
  }
}
