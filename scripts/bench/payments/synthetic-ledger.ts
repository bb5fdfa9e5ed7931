/**
 * Seeded, deterministic synthetic entitlements for the payments benchmarks (pure, no I/O):
 * `count` cases all owing an amount in the bench month, as the cases service would announce
 * them in EntitlementChanged. The mix of categories (diện hưởng) and ages roughly follows the
 * national caseload (ledger-profiles.ts); amounts and their segments come from the cases service's own engine
 * (entitlementSegments) over the seeded policy catalogue, so base levels (mức chuẩn) and
 * coefficients (hệ số) are those the catalogue holds, 360,000 đ before July 2024 and 500,000 đ
 * from then on. Communes are those of the 34 provinces of the 2025 structure, rural ones
 * weighing more. Payment channels (hình thức chi trả): about 60 % cash at the commune, 25 % post
 * office, 15 % bank transfer with a bank code and a 6–19 digit account number.
 */
import { BIRTH_PROVINCE_CODES, centurySexDigit } from '@posa/population';
import type { CaseKind } from '../../../services/cases/src/domain/entitlement';
import {
  entitlementSegments,
  type Segment,
} from '../../../services/cases/src/domain/entitlement-segments';
import { monthFromIndex, monthIndex } from '@posa/platform';
import { SEEDED_CATALOGUE } from '../../../services/cases/src/domain/policy.fixture';
import { SeededRandom, WeightedTable } from '../households/seeded-random';
import { BANKS, CHANNELS, PROFILES, type PaymentChannel, type Profile } from './ledger-profiles';
import type { SyntheticCommune } from '../households/synthetic-households';
import {
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  SURNAMES,
} from '../households/vietnamese-names';

export interface SyntheticEntitlement {
  /** Ordinal from 1: the case id derives from it. */
  n: number;
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  communeCode: string;
  provinceCode: string;
  fullName: string;
  citizenId: string;
  channel: PaymentChannel;
  /** Empty unless the channel is bank_transfer. */
  bankCode: string;
  accountNumber: string;
  /** What the amounts derive from (the cases service keeps these; the ledger does not). */
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  categoryCodes: string[];
  disabilityLevel: 'severe' | 'extremely_severe' | null;
  careSupportTypeCode: string | null;
  /** The event's from_month: the first month of the case ('YYYY-MM'). */
  fromMonth: string;
  /** The month the approval was signed (= fromMonth: amounts run from the signing month). */
  decidedInMonth: string;
  /** Amounts from fromMonth on; the last one is open-ended. */
  segments: Segment[];
  /** The amount owed in the bench month (the segment covering it). */
  monthAmountVnd: number;
}

const BIRTH_PROVINCES = [...BIRTH_PROVINCE_CODES].sort();
/** The first month of Decree 20/2021 (the seeded catalogue's categories start then). */
const DECREE_START = monthIndex('2021-07');

/**
 * The amounts of a person of a profile over the whole time the profile can apply to them, from
 * `earliest` on (computed once per profile, disability level and birth month: the engine walks
 * every month up to the last age boundary, decades ahead for a child). A case starting later
 * has the same amounts from its start, so its segments are these clipped at its first month.
 */
class SegmentCache {
  private readonly known = new Map<string, Segment[]>();
  private readonly provincial = SEEDED_CATALOGUE.baseLevels.some((b) => b.provinceCode !== null);

  segments(
    profile: Profile,
    disability: 'severe' | 'extremely_severe' | null,
    person: { birthYear: number; birthMonth: number; birthDay: number; provinceCode: string },
    earliest: string,
  ): Segment[] {
    const key = [
      profile.categoryCodes.join('+'),
      profile.careSupportTypeCode,
      disability,
      person.birthYear,
      person.birthMonth,
      person.birthDay > 1,
      earliest,
      this.provincial ? person.provinceCode : '',
    ].join('|');
    let full = this.known.get(key);
    if (full === undefined) {
      const period = {
        fromMonth: earliest,
        toMonth: null,
        suspended: false,
        categoryCodes: profile.categoryCodes,
        disabilityLevel: disability,
        careSupportTypeCode: profile.careSupportTypeCode,
        decisionId: '',
        decisionNumber: '',
      };
      full = entitlementSegments(SEEDED_CATALOGUE, profile.kind, person, [period], earliest);
      this.known.set(key, full);
    }
    return full;
  }
}

/** The segments from `from` on, with the case's decision. */
function clip(full: readonly Segment[], from: string, decisionId: string): Segment[] {
  return full
    .filter((s) => s.toMonth === null || s.toMonth >= from)
    .map((s) => ({ ...s, fromMonth: s.fromMonth < from ? from : s.fromMonth, decisionId }));
}

/** A valid version-4 UUID made from the ordinal, so benchmarks can find a case again. */
export function benchCaseId(n: number): string {
  return `0000000b-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The id of the case's approval decision (quyết định hưởng). */
export function benchDecisionId(n: number): string {
  return `0000000d-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface GenerateLedgerOptions {
  seed: number;
  count: number;
  communes: readonly SyntheticCommune[];
  /** The bench month, 'YYYY-MM': every entitlement owes an amount in it. */
  month: string;
}

function digits(random: SeededRandom, length: number): string {
  let out = String(random.int(1, 9));
  while (out.length < length) out += String(random.int(0, 9));
  return out;
}

function fullName(random: SeededRandom, sex: 'male' | 'female'): string {
  const middle = sex === 'male' ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES;
  const given = sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  return `${SURNAMES.sample(random)} ${middle.sample(random)} ${given.sample(random)}`;
}

/** The entitlements in a stable order, exactly `count` of them. */
export function* generateLedger(options: GenerateLedgerOptions): Generator<SyntheticEntitlement> {
  const random = new SeededRandom(options.seed);
  const communes = new WeightedTable<SyntheticCommune>(
    options.communes.map((c) => [c, c.area === 'urban' ? 2 : 3] as const),
  );
  const bench = monthIndex(options.month);
  const codeCounters = new Map<string, number>();
  const idCounters = new Map<string, number>();
  const cache = new SegmentCache();
  for (let n = 1; n <= options.count; n++) {
    const profile = PROFILES.sample(random);
    const commune = communes.sample(random);
    const sex = random.chance(0.58) ? 'female' : 'male';
    // Age in whole months at the bench month, strictly inside the band.
    const ageMonths = random.int(profile.minYears * 12 + 1, profile.maxYears * 12 + 10);
    const birth = bench - ageMonths - 1;
    const birthYear = Math.floor(birth / 12);
    // Started once the person was in the band (so the coefficient rules cover every month).
    const earliest = Math.min(bench, Math.max(DECREE_START, birth + profile.minYears * 12 + 2));
    const from = monthFromIndex(random.int(earliest, bench));
    const person = {
      birthYear,
      birthMonth: (birth % 12) + 1,
      birthDay: random.int(2, 28),
      provinceCode: commune.provinceCode,
    };
    const disability = profile.disabled
      ? random.chance(0.75)
        ? 'severe'
        : 'extremely_severe'
      : null;
    const full = cache.segments(profile, disability, person, monthFromIndex(earliest));
    const segments = clip(full, from, benchDecisionId(n));
    const covering = segments.find(
      (s) => s.fromMonth <= options.month && (s.toMonth === null || options.month <= s.toMonth),
    );
    if (covering === undefined) throw new Error(`case ${n}: no amount in ${options.month}`);
    const channel = CHANNELS.sample(random);
    const [bankCode, accountLength] = channel === 'bank_transfer' ? BANKS.sample(random) : ['', 0];
    const codeKey = `${commune.communeCode}-${from.slice(0, 4)}`;
    const seq = (codeCounters.get(codeKey) ?? 0) + 1;
    codeCounters.set(codeKey, seq);
    const idKey = `${random.pick(BIRTH_PROVINCES)}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
    const idSeq = (idCounters.get(idKey) ?? 0) + 1;
    idCounters.set(idKey, idSeq);
    yield {
      n,
      caseId: benchCaseId(n),
      caseCode: `TC-${codeKey}-${String(seq).padStart(6, '0')}`,
      kind: profile.kind,
      communeCode: commune.communeCode,
      provinceCode: commune.provinceCode,
      fullName: fullName(random, sex),
      citizenId: `${idKey}${String(idSeq).padStart(6, '0')}`,
      channel,
      bankCode,
      accountNumber: accountLength === 0 ? '' : digits(random, accountLength),
      birthYear,
      birthMonth: person.birthMonth,
      birthDay: person.birthDay,
      categoryCodes: profile.categoryCodes,
      disabilityLevel: disability,
      careSupportTypeCode: profile.careSupportTypeCode,
      fromMonth: from,
      decidedInMonth: from,
      segments,
      monthAmountVnd: covering.amountVnd,
    };
  }
}
