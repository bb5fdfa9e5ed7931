/**
 * Reconciliation figures (đối soát) of a unit and month, in whole đồng, and their arithmetic
 * without I/O: figures add up exactly (never rounded, never adjusted) and each payroll must
 * balance: planned = paid + unpaid + returned + pending.
 */

export interface Figures {
  lines: number;
  planned: number;
  paid: number;
  unpaid: number;
  returned: number;
  /** Lines of a closed payroll with no result yet. */
  pending: number;
  /** Unpaid amounts of earlier months included in this month's payrolls (part of planned). */
  carriedOver: number;
}

export const FIGURE_KEYS = [
  'lines',
  'planned',
  'paid',
  'unpaid',
  'returned',
  'pending',
  'carriedOver',
] as const satisfies readonly (keyof Figures)[];

export const ZERO: Figures = {
  lines: 0,
  planned: 0,
  paid: 0,
  unpaid: 0,
  returned: 0,
  pending: 0,
  carriedOver: 0,
};

function safeAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new RangeError('reconciliation figure exceeds the safe range');
  return sum;
}

export function addFigures(a: Figures, b: Figures): Figures {
  const out = { ...ZERO };
  for (const k of FIGURE_KEYS) out[k] = safeAdd(a[k], b[k]);
  return out;
}

export function sumFigures(list: Iterable<Figures>): Figures {
  let total = ZERO;
  for (const f of list) total = addFigures(total, f);
  return total;
}

/** The figures that differ between two sets ('' when they agree to the đồng). */
export function differences(a: Figures, b: Figures): string {
  return FIGURE_KEYS.filter((k) => a[k] !== b[k])
    .map((k) => `${k} ${a[k]} ≠ ${b[k]}`)
    .join(', ');
}

/** planned − (paid + unpaid + returned + pending): 0 for balanced figures. */
export function imbalance(f: Figures): number {
  return f.planned - (f.paid + f.unpaid + f.returned + f.pending);
}
