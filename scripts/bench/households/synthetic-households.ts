/**
 * Seeded, deterministic synthetic households for tests and benchmarks (pure, no I/O): the
 * same options always give the same households. Names are Vietnamese with diacritics drawn
 * from frequency tables, 1–7 members per household (mean about 3.9), plausible ages and
 * relations, about 90 % of members with a citizen ID that fits their birth year and sex
 * (unique across one run). Household codes are `<commune>-<startYear>-<6-digit sequence>`.
 */
import { BIRTH_PROVINCE_CODES, centurySexDigit } from '@posa/population';
import { SeededRandom, WeightedTable } from './seeded-random';
import {
  ETHNIC_GROUPS,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  FEMALE_SECOND_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  SURNAMES,
} from './vietnamese-names';

export type SyntheticSex = 'male' | 'female';

export interface SyntheticMember {
  fullName: string;
  birthYear: number;
  /** 1–12, or null when only the year is known. */
  birthMonth: number | null;
  /** 1–31, or null when only the year (and maybe the month) is known. */
  birthDay: number | null;
  sex: SyntheticSex;
  ethnicGroupCode: string;
  /** 12 digits, or null for the ~10 % without one. */
  citizenId: string | null;
  relation: string;
}

export interface SyntheticHousehold {
  code: string;
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  streetAddress: string;
  area: 'rural' | 'urban';
  /** The head first. */
  members: SyntheticMember[];
}

export interface SyntheticCommune {
  communeCode: string;
  provinceCode: string;
  villageCodes?: string[];
  /** Rural when absent for 70 % of households, urban for the rest. */
  area?: 'rural' | 'urban';
}

export interface GenerateOptions {
  seed: number;
  count: number;
  communes: readonly SyntheticCommune[];
  /** Year of registration used in codes and as "now" for ages; default 2026. */
  startYear?: number;
}

const SIZES = new WeightedTable<number>([
  [1, 6],
  [2, 13],
  [3, 20],
  [4, 26],
  [5, 18],
  [6, 11],
  [7, 6],
]);
const PROVINCE_PREFIXES = [...BIRTH_PROVINCE_CODES].sort();
const STREET_KINDS = ['Thôn', 'Xóm', 'Ấp', 'Bản', 'Tổ'];

interface Person {
  sex: SyntheticSex;
  age: number;
  surname: string;
  relation: string;
}

function fullNameOf(random: SeededRandom, surname: string, sex: SyntheticSex): string {
  if (sex === 'male') {
    return `${surname} ${MALE_MIDDLE_NAMES.sample(random)} ${MALE_GIVEN_NAMES.sample(random)}`;
  }
  const middle = FEMALE_MIDDLE_NAMES.sample(random);
  const second = random.chance(0.15) ? ` ${FEMALE_SECOND_MIDDLE_NAMES.sample(random)}` : '';
  return `${surname} ${middle}${second} ${FEMALE_GIVEN_NAMES.sample(random)}`;
}

/** Who lives in a household of `size`: ages and relations that fit together. */
function composition(random: SeededRandom, size: number): Person[] {
  const headSex: SyntheticSex = random.chance(0.72) ? 'male' : 'female';
  const headAge = random.int(size === 1 ? 30 : 22, 85);
  const people: Person[] = [
    { sex: headSex, age: headAge, surname: SURNAMES.sample(random), relation: 'head' },
  ];
  const other: SyntheticSex = headSex === 'male' ? 'female' : 'male';
  const add = (relation: string, sex: SyntheticSex, age: number, surname?: string): void => {
    people.push({
      relation,
      sex,
      age: Math.max(0, age),
      surname: surname ?? SURNAMES.sample(random),
    });
  };
  const random01 = (): SyntheticSex => (random.chance(0.51) ? 'male' : 'female');
  if (size >= 2 && random.chance(0.85)) add('spouse', other, headAge + random.int(-6, 6));
  const father = people.find((p) => p.sex === 'male');
  const familyName = (father ?? people[0]!).surname;
  if (headAge >= 58 && size - people.length >= 3 && random.chance(0.6)) {
    // Three generations under an older head: a grown child, the in-law, grandchildren.
    const childAge = headAge - random.int(22, 32);
    const childSex = random01();
    add('child', childSex, childAge, familyName);
    add('child_in_law', childSex === 'male' ? 'female' : 'male', childAge + random.int(-4, 4));
    const grandSurname = childSex === 'male' ? familyName : SURNAMES.sample(random);
    while (people.length < size) {
      add('grandchild', random01(), childAge - random.int(20, 34), grandSurname);
    }
    return people;
  }
  if (headAge <= 48 && size - people.length >= 2 && random.chance(0.3)) {
    const parentSex = random01();
    const parentAge = Math.min(95, headAge + random.int(22, 32));
    add('parent', parentSex, parentAge, parentSex === 'male' ? people[0]!.surname : undefined);
  }
  while (people.length < size) {
    const childAge = headAge - random.int(18, 40);
    if (childAge >= 0) add('child', random01(), childAge, familyName);
    else
      add(
        random.chance(0.5) ? 'sibling' : 'other_relative',
        random01(),
        headAge + random.int(-10, 10),
      );
  }
  return people;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every run hands out IDs with a counter per 6-digit prefix, so no ID repeats. */
class CitizenIds {
  private readonly counters = new Map<string, number>();

  constructor(private readonly random: SeededRandom) {}

  next(birthYear: number, sex: SyntheticSex): string | null {
    const digit = centurySexDigit(birthYear, sex);
    if (digit === undefined) return null;
    const prefix = `${this.random.pick(PROVINCE_PREFIXES)}${digit}${String(birthYear % 100).padStart(2, '0')}`;
    const n = this.counters.get(prefix) ?? 0;
    if (n >= 1_000_000) return null;
    this.counters.set(prefix, n + 1);
    // A bijection of 0..999999 so consecutive IDs do not look consecutive.
    const serial = (n * 7919 + 104_729) % 1_000_000;
    return `${prefix}${String(serial).padStart(6, '0')}`;
  }
}

export function* generateHouseholds(options: GenerateOptions): Iterable<SyntheticHousehold> {
  const { seed, count, communes } = options;
  const startYear = options.startYear ?? 2026;
  if (communes.length === 0) throw new Error('communes must not be empty');
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be >= 0, got ${count}`);
  const random = new SeededRandom(seed);
  const ids = new CitizenIds(random);
  const sequences = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const commune = random.pick(communes);
    const seq = (sequences.get(commune.communeCode) ?? 0) + 1;
    if (seq > 999_999) throw new Error(`commune ${commune.communeCode} ran out of codes`);
    sequences.set(commune.communeCode, seq);
    const villages = commune.villageCodes ?? [];
    const villageCode = villages.length > 0 ? random.pick(villages) : null;
    const members = composition(random, SIZES.sample(random)).map((p): SyntheticMember => {
      const birthYear = startYear - p.age;
      const precision = random.next();
      const birthMonth = precision < 0.95 ? random.int(1, 12) : null;
      const birthDay =
        birthMonth !== null && precision < 0.85
          ? random.int(1, daysIn(birthYear, birthMonth))
          : null;
      return {
        fullName: fullNameOf(random, p.surname, p.sex),
        birthYear,
        birthMonth,
        birthDay,
        sex: p.sex,
        ethnicGroupCode: ETHNIC_GROUPS.sample(random),
        citizenId: random.chance(0.9) ? ids.next(birthYear, p.sex) : null,
        relation: p.relation,
      };
    });
    yield {
      code: `${commune.communeCode}-${startYear}-${String(seq).padStart(6, '0')}`,
      communeCode: commune.communeCode,
      provinceCode: commune.provinceCode,
      villageCode,
      streetAddress: `Số ${random.int(1, 300)}, ${random.pick(STREET_KINDS)} ${random.int(1, 25)}`,
      area: commune.area ?? (random.chance(0.7) ? 'rural' : 'urban'),
      members,
    };
  }
}
