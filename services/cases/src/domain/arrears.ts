/**
 * Arrears (truy lĩnh) and recoveries (thu hồi): the month-by-month difference between what was
 * owed before a retroactive decision and what is owed after it. A month missing from one side
 * counts as 0 owed there.
 */
import { compareMonths, type Month } from '@posa/platform';
import type { MonthlyAmount } from './entitlement';

/** One month that changed: delta = after − before (positive = truy lĩnh, negative = thu hồi). */
export interface ArrearsLine {
  month: Month;
  beforeVnd: number;
  afterVnd: number;
  deltaVnd: number;
}

function byMonth(amounts: readonly MonthlyAmount[], side: string): Map<Month, number> {
  const map = new Map<Month, number>();
  for (const a of amounts) {
    if (map.has(a.month)) throw new RangeError(`${side}: month ${a.month} appears twice`);
    map.set(a.month, a.amountVnd);
  }
  return map;
}

/** The months whose amount differs, in month order, and the net total. */
export function arrearsBetween(
  before: readonly MonthlyAmount[],
  after: readonly MonthlyAmount[],
): { lines: ArrearsLine[]; totalVnd: number } {
  const was = byMonth(before, 'before');
  const now = byMonth(after, 'after');
  const months = [...new Set([...was.keys(), ...now.keys()])].sort(compareMonths);
  const lines: ArrearsLine[] = [];
  let totalVnd = 0;
  for (const month of months) {
    const beforeVnd = was.get(month) ?? 0;
    const afterVnd = now.get(month) ?? 0;
    if (beforeVnd === afterVnd) continue;
    const deltaVnd = afterVnd - beforeVnd;
    lines.push({ month, beforeVnd, afterVnd, deltaVnd });
    totalVnd += deltaVnd;
  }
  return { lines, totalVnd };
}
