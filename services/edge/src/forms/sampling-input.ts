/**
 * Inputs of the sampling pages: the size of a draw (a number of households or a rate in
 * percent, never both) and the field checks of one household as posted by the check form
 * (`c.<field>` for household fields, `c.<field>.<member id>` for member fields, each
 * `ok`, `error` or empty for "not checked").
 */
import type { FieldCheck } from '@posa/proto';
import { badRequest } from '../http/errors';
import { isUuid } from './household-params';

export type DrawSize = { sampleSize: number } | { rateBasisPoints: number };

/** "12" households, or "2.5" / "2,5" percent (to basis points); exactly one of the two. */
export function drawSizeOf(sizeText: string, rateText: string): DrawSize {
  const size = sizeText.trim();
  const rate = rateText.trim().replace(',', '.');
  if ((size === '') === (rate === ''))
    throw badRequest('sample_size', 'give a number of households or a rate, not both');
  if (size !== '') {
    if (!/^[0-9]{1,6}$/.test(size) || Number(size) < 1)
      throw badRequest('sample_size', 'must be a whole number of households ≥ 1');
    return { sampleSize: Number(size) };
  }
  if (!/^[0-9]{1,3}(\.[0-9]{1,2})?$/.test(rate))
    throw badRequest('rate_percent', 'must be a percentage with at most two decimals');
  const basisPoints = Math.round(Number(rate) * 100);
  if (basisPoints < 1 || basisPoints > 10000)
    throw badRequest('rate_percent', 'must be more than 0 and at most 100');
  return { rateBasisPoints: basisPoints };
}

/** The checks of the posted form, household fields first, in form order. */
export function fieldChecksFromForm(body: Record<string, unknown>): FieldCheck[] {
  const checks: FieldCheck[] = [];
  for (const [key, value] of Object.entries(body)) {
    const m = /^c\.([a-z][a-z0-9_]{0,63})(?:\.(.+))?$/.exec(key);
    if (!m || (value !== 'ok' && value !== 'error')) continue;
    const memberId = m[2] ?? '';
    if (memberId !== '' && !isUuid(memberId)) continue;
    checks.push({ field: m[1]!, memberId: memberId.toLowerCase(), error: value === 'error' });
  }
  return checks;
}
