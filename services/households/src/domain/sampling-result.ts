/**
 * The acceptance decision (kết quả nghiệm thu): the identity-field and other-field error
 * rates of the checked fields against their limits. Exact integer arithmetic throughout:
 * errors/checked ≤ p/q is decided as errors·q ≤ p·checked, so a rate exactly at the limit
 * is accepted and one a hair above is not; percentages are for display only.
 */
import { ERROR_LIMITS, type FieldKind } from './sampling-fields';

export interface Tally {
  checked: number;
  errors: number;
}

export interface RateCheck extends Tally {
  /** Decimal strings, rounded half up to 4 places ("0.75", "0.5", "0"). */
  ratePercent: string;
  limitPercent: string;
  withinLimit: boolean;
  /** Percentage points above the limit; "0" when within. */
  excessPercent: string;
}

export interface SampleDecision {
  identity: RateCheck;
  other: RateCheck;
  accepted: boolean;
  reasons: string[];
}

export const LABELS: Record<FieldKind, string> = {
  identity: 'identity-field error rate (thông tin định danh)',
  other: 'other-field error rate (thông tin khác)',
};

/**
 * 100·n/d as a decimal to 4 places (rounded half up, or up for excesses so that an excess
 * never shows as 0), trailing zeros dropped.
 */
export function percentOf(n: bigint, d: bigint, rounding: 'half-up' | 'up' = 'half-up'): string {
  if (d <= 0n) throw new Error('denominator must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  // 100 · 10^4 · n / d
  const scaled =
    rounding === 'up' ? (abs * 1_000_000n + d - 1n) / d : (abs * 1_000_000n * 2n + d) / (2n * d);
  const whole = scaled / 10_000n;
  const frac = (scaled % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  const text = frac === '' ? whole.toString() : `${whole}.${frac}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

export function checkRate(kind: FieldKind, t: Tally): RateCheck {
  if (!Number.isInteger(t.checked) || !Number.isInteger(t.errors) || t.checked < 1) {
    throw new Error(`${kind}: at least one checked field is needed`);
  }
  if (t.errors < 0 || t.errors > t.checked) throw new Error(`${kind}: errors out of range`);
  const { numerator: p, denominator: q } = ERROR_LIMITS[kind];
  const e = BigInt(t.errors);
  const n = BigInt(t.checked);
  const P = BigInt(p);
  const Q = BigInt(q);
  const withinLimit = e * Q <= P * n;
  // e/n − p/q = (e·q − p·n) / (n·q)
  const excess = withinLimit ? '0' : percentOf(e * Q - P * n, n * Q, 'up');
  return {
    ...t,
    ratePercent: percentOf(e, n),
    limitPercent: percentOf(P, Q),
    withinLimit,
    excessPercent: excess,
  };
}

export function decide(identity: Tally, other: Tally): SampleDecision {
  const checks = { identity: checkRate('identity', identity), other: checkRate('other', other) };
  const reasons = (['identity', 'other'] as const)
    .filter((k) => !checks[k].withinLimit)
    .map((k) => {
      const c = checks[k];
      return `${LABELS[k]} ${c.errors}/${c.checked} = ${c.ratePercent} % exceeds ${c.limitPercent} % by ${c.excessPercent} percentage points`;
    });
  return { ...checks, accepted: reasons.length === 0, reasons };
}
