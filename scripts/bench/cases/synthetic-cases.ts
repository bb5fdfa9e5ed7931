/**
 * Seeded, deterministic synthetic social-assistance cases for the month-entitlements bench
 * (pure, no I/O): `count` cases with an allowance period covering the bench month, plus about
 * 5 % whose period ended before it or starts after it. The mix of categories (diện hưởng) and
 * ages roughly follows the national caseload (most beneficiaries are over 80 or have a severe
 * disability); the shares are an approximation for load testing, not statistics. Communes are
 * drawn with rural ones weighing more. Citizen IDs fit birth year and sex and are unique.
 */
import { BIRTH_PROVINCE_CODES, centurySexDigit } from '@posa/population';
import { SeededRandom, WeightedTable } from '../households/seeded-random';
import type { SyntheticCommune } from '../households/synthetic-households';

export type SyntheticKind = 'monthly_allowance' | 'care_support';

export interface SyntheticCase {
  /** Ordinal from 1: ids of the case, its decision and its period derive from it. */
  n: number;
  code: string;
  kind: SyntheticKind;
  status: 'active' | 'suspended' | 'terminated';
  communeCode: string;
  provinceCode: string;
  citizenId: string;
  sex: 'male' | 'female';
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  categoryCodes: string[];
  disabilityLevel: 'severe' | 'extremely_severe' | null;
  careSupportTypeCode: string | null;
  /** First month of the period, 'YYYY-MM'. */
  fromMonth: string;
  /** Last month inclusive, or null while open. */
  toMonth: string | null;
  suspended: boolean;
  /** True when the period covers the bench month. */
  covers: boolean;
}

interface Profile {
  kind: SyntheticKind;
  categoryCodes: string[];
  careSupportTypeCode?: string;
  disabled?: boolean;
  /** Age band in whole years, both included. */
  minYears: number;
  maxYears: number;
}

const mk = (codes: string[], minYears: number, maxYears: number, disabled = false): Profile => ({
  kind: 'monthly_allowance',
  categoryCodes: codes,
  minYears,
  maxYears,
  disabled,
});
const care = (code: string, minYears: number, maxYears: number): Profile => ({
  kind: 'care_support',
  categoryCodes: [],
  careSupportTypeCode: code,
  minYears,
  maxYears,
});

/** Approximate shares (per mille) of the caseload by category. */
const PROFILES = new WeightedTable<Profile>([
  [mk(['nd20-5c'], 80, 100), 440],
  [mk(['nd20-6'], 1, 90, true), 300],
  [mk(['nd20-5c', 'nd20-6'], 80, 95, true), 50],
  [mk(['nd20-5a'], 60, 90), 50],
  [mk(['nd20-5b'], 75, 79), 20],
  [mk(['nd20-1'], 0, 15), 20],
  [mk(['nd20-2'], 16, 21), 5],
  [mk(['nd20-3'], 0, 15), 1],
  [mk(['nd20-4'], 20, 50), 20],
  [mk(['nd20-7'], 0, 2), 15],
  [mk(['nd20-8'], 20, 60), 4],
  [mk(['nd20-5d'], 60, 90), 2],
  [care('cs-household-carer', 20, 70), 60],
  [care('cs-foster-child', 25, 60), 8],
  [care('cs-disabled-parent-one', 18, 45), 3],
  [care('cs-foster-elderly-disabled', 25, 65), 2],
]);

const BIRTH_PROVINCES = [...BIRTH_PROVINCE_CODES].sort();

export interface GenerateCasesOptions {
  seed: number;
  /** Cases whose period covers `month`. */
  count: number;
  communes: readonly SyntheticCommune[];
  /** The bench month, 'YYYY-MM'. */
  month: string;
}

const index = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number): string =>
  `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
/** The first month of Decree 20/2021. */
const DECREE_START = index('2021-07');

/** The cases in a stable order; about count × 1.05 of them. */
export function* generateCases(options: GenerateCasesOptions): Generator<SyntheticCase> {
  const random = new SeededRandom(options.seed);
  const communes = new WeightedTable<SyntheticCommune>(
    options.communes.map((c) => [c, c.area === 'urban' ? 2 : 3] as const),
  );
  const bench = index(options.month);
  const codeCounters = new Map<string, number>();
  const idCounters = new Map<string, number>();
  const total = options.count + Math.floor(options.count / 20);
  for (let n = 1; n <= total; n++) {
    const covers = n <= options.count;
    const profile = PROFILES.sample(random);
    const commune = communes.sample(random);
    // Age in whole months on the first day of the bench month, strictly inside the band.
    const ageMonths = random.int(profile.minYears * 12 + 1, profile.maxYears * 12 + 10);
    const birth = bench - ageMonths - 1;
    const birthYear = Math.floor(birth / 12);
    const birthMonth = (birth % 12) + 1;
    const birthDay = random.int(2, 28);
    const sex = random.chance(0.58) ? 'female' : 'male';
    const earliest = Math.max(DECREE_START, birth + 1);
    let from: number;
    let to: number | null;
    if (covers) {
      from = random.int(earliest, bench);
      to = random.chance(0.85) ? null : random.int(bench, bench + 24);
    } else if (random.chance(0.5)) {
      from = random.int(earliest, bench - 1);
      to = random.int(from, bench - 1);
    } else {
      from = random.int(bench + 1, bench + 3);
      to = null;
    }
    const suspended = covers && random.chance(0.01);
    const year = Math.floor(from / 12);
    const codeKey = `${commune.communeCode}-${year}`;
    const seq = (codeCounters.get(codeKey) ?? 0) + 1;
    codeCounters.set(codeKey, seq);
    const idKey = `${random.pick(BIRTH_PROVINCES)}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
    const idSeq = (idCounters.get(idKey) ?? 0) + 1;
    idCounters.set(idKey, idSeq);
    yield {
      n,
      code: `TC-${codeKey}-${String(seq).padStart(6, '0')}`,
      kind: profile.kind,
      status: suspended ? 'suspended' : to !== null && to < bench ? 'terminated' : 'active',
      communeCode: commune.communeCode,
      provinceCode: commune.provinceCode,
      citizenId: `${idKey}${String(idSeq).padStart(6, '0')}`,
      sex,
      birthYear,
      birthMonth,
      birthDay,
      categoryCodes: profile.categoryCodes,
      disabilityLevel: profile.disabled
        ? random.chance(0.75)
          ? 'severe'
          : 'extremely_severe'
        : null,
      careSupportTypeCode: profile.careSupportTypeCode ?? null,
      fromMonth: monthOf(from),
      toMonth: to === null ? null : monthOf(to),
      suspended,
      covers,
    };
  }
}
