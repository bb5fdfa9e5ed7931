/** The seeded standards as plain data, for unit tests of the pure classifier. */
import type { AreaRule, Indicator, PovertyStandard } from './standard';

const indicators = (codes: string[]): Indicator[] =>
  codes.map((code) => ({
    code,
    nameVi: code,
    dimension: 'test',
    dimensionNameVi: 'test',
    confidence: 'C',
    sourceNote: '',
  }));

const rule = (
  area: 'rural' | 'urban',
  incomeOnly: bigint | null,
  line: bigint,
  average: bigint | null,
): AreaRule => ({
  area,
  incomeOnlyPoorLine: incomeOnly,
  povertyLine: line,
  averageLivingLine: average,
  minDeprivationsForPoor: 3,
  lineConfidence: 'C',
  averageLivingConfidence: average === null ? null : 'M',
  structureConfidence: 'M',
  sourceNote: '',
});

export const STANDARD_2016: PovertyStandard = {
  code: '2016-2020',
  legalBasis: 'test',
  validFrom: '2016-01-01',
  validTo: '2020-12-31',
  inForce: [{ validFrom: '2016-01-01', validTo: '2021-12-31', legalBasis: 'test' }],
  rules: [
    rule('rural', 700_000n, 1_000_000n, 1_500_000n),
    rule('urban', 900_000n, 1_300_000n, 1_950_000n),
  ],
  indicators: indicators([
    'health_service_access',
    'health_insurance',
    'adult_education',
    'child_school_attendance',
    'housing_quality',
    'housing_area',
    'domestic_water',
    'hygienic_latrine',
    'telecom_use',
    'information_assets',
  ]),
};

export const STANDARD_2022: PovertyStandard = {
  code: '2022-2025',
  legalBasis: 'test',
  validFrom: '2022-01-01',
  validTo: '2025-12-31',
  inForce: [
    { validFrom: '2022-01-01', validTo: '2025-12-31', legalBasis: 'test' },
    { validFrom: '2026-01-01', validTo: '2026-12-31', legalBasis: 'test' },
  ],
  rules: [rule('rural', null, 1_500_000n, 2_250_000n), rule('urban', null, 2_000_000n, 3_000_000n)],
  indicators: indicators([
    'employment',
    'dependants',
    'nutrition',
    'health_insurance',
    'adult_education',
    'child_school_attendance',
    'housing_quality',
    'housing_area',
    'domestic_water',
    'hygienic_latrine',
    'telecom_use',
    'information_access_means',
  ]),
};

export const STANDARD_2026: PovertyStandard = {
  code: '2026-2030',
  legalBasis: 'test',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  inForce: [{ validFrom: '2027-01-01', validTo: '2030-12-31', legalBasis: 'test' }],
  rules: [rule('rural', null, 2_200_000n, null), rule('urban', null, 2_800_000n, null)],
  indicators: indicators([
    'employment',
    'dependants',
    'adult_education',
    'child_school_attendance',
    'nutrition',
    'health_insurance',
    'housing_area',
    'housing_quality',
    'telecom_use',
    'domestic_water',
    'hygienic_latrine',
    'waste_treatment',
  ]),
};

export const ALL_STANDARDS = [STANDARD_2016, STANDARD_2022, STANDARD_2026];
