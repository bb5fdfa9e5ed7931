/**
 * The decided cases of the month-entitlement test and the line each must give for 2026-03
 * (null: its period does not cover the month). Amounts are worked out by hand from the seeded
 * catalogue: base level 500,000 đ from 2024-07 (600,000 đ in province 79, which the test adds).
 */
import { CaseKind, type MonthEntitlementLine } from '@posa/proto';
import type { FixtureCase } from './month-entitlement-fixtures';

export const A1 = '00004'; // Phường Ba Đình, Hà Nội (01)
export const A2 = '00008'; // Phường Ngọc Hà, Hà Nội
export const A3 = '00025'; // Phường Giảng Võ, Hà Nội: the many simple cases
export const B1 = '25747'; // Phường Thủ Dầu Một, Thành phố Hồ Chí Minh (79)

const hn = (code: string, over: Partial<FixtureCase>): FixtureCase => ({
  code,
  communeCode: A1,
  provinceCode: '01',
  citizenId: '',
  birthYear: 1940,
  birthMonth: 5,
  birthDay: 10,
  periods: [{ from: '2025-08', to: null, categoryCodes: ['nd20-5c'] }],
  ...over,
});

/** Each case, the fields its line must have beyond the defaults, and its period's index. */
export const MONTH_CASES: Array<[FixtureCase, Partial<MonthEntitlementLine> | null, number?]> = [
  [
    hn('TC-00004-2025-000001', { citizenId: '001140000001' }),
    { amountVnd: '500000', coefficientHundredths: 100, categoryCode: 'nd20-5c' },
  ],
  [
    hn('TC-00004-2025-000002', {
      citizenId: '001150000002',
      birthYear: 1950,
      periods: [
        { from: '2025-08', to: '2025-12', categoryCodes: ['nd20-5c'] },
        {
          from: '2026-01',
          to: null,
          categoryCodes: ['nd20-5c', 'nd20-6'],
          disabilityLevel: 'extremely_severe',
        },
      ],
    }),
    { amountVnd: '1250000', coefficientHundredths: 250, categoryCode: 'nd20-6' },
    1,
  ],
  [
    hn('TC-00004-2025-000003', {
      citizenId: '001140000003',
      status: 'suspended',
      periods: [
        { from: '2025-08', to: '2026-01', categoryCodes: ['nd20-5c'] },
        { from: '2026-02', to: null, categoryCodes: ['nd20-5c'], suspended: true },
      ],
    }),
    { state: 'suspended', amountVnd: '0', coefficientHundredths: 0, categoryCode: '' },
    1,
  ],
  [
    hn('TC-00004-2025-000004', {
      citizenId: '001140000004',
      status: 'terminated',
      periods: [{ from: '2025-08', to: '2026-02', categoryCodes: ['nd20-5c'] }],
    }),
    null,
  ],
  [
    hn('TC-00004-2025-000005', {
      citizenId: '001140000005',
      periods: [{ from: '2026-04', to: null, categoryCodes: ['nd20-5c'] }],
    }),
    null,
  ],
  [
    hn('TC-00004-2025-000006', {
      citizenId: '001140000006',
      kind: 'care_support',
      periods: [{ from: '2025-10', to: null, careSupportTypeCode: 'cs-household-carer' }],
    }),
    {
      amountVnd: '500000',
      coefficientHundredths: 100,
      categoryCode: 'cs-household-carer',
      kind: CaseKind.CASE_KIND_CARE_SUPPORT,
    },
  ],
  [
    hn('TC-00004-2025-000007', {
      citizenId: '001176000007',
      birthYear: 1976,
      periods: [{ from: '2025-08', to: null, categoryCodes: ['nd20-5a'] }],
    }),
    { state: 'not_computable', amountVnd: '0', categoryCode: '' },
  ],
  [
    hn('TC-00008-2025-000001', {
      communeCode: A2,
      citizenId: '001323000008',
      birthYear: 2023,
      birthMonth: 6,
      birthDay: 15,
      periods: [{ from: '2025-08', to: null, categoryCodes: ['nd20-1'] }],
    }),
    { amountVnd: '1250000', coefficientHundredths: 250, categoryCode: 'nd20-1' },
  ],
  [
    hn('TC-25747-2025-000001', {
      communeCode: B1,
      provinceCode: '79',
      citizenId: '079150000009',
      birthYear: 1950,
      periods: [{ from: '2025-08', to: null, categoryCodes: ['nd20-5a'] }],
    }),
    {
      amountVnd: '900000',
      coefficientHundredths: 150,
      baseLevelVnd: '600000',
      baseLevelProvinceCode: '79',
    },
  ],
  [
    hn('TC-25747-2025-000002', {
      communeCode: B1,
      provinceCode: '79',
      citizenId: '079324000010',
      status: 'terminated',
      birthYear: 2024,
      birthMonth: 1,
      birthDay: 1,
      periods: [{ from: '2025-08', to: '2026-03', categoryCodes: ['nd20-7'] }],
    }),
    {
      amountVnd: '900000',
      coefficientHundredths: 150,
      categoryCode: 'nd20-7',
      baseLevelVnd: '600000',
      baseLevelProvinceCode: '79',
    },
  ],
];
