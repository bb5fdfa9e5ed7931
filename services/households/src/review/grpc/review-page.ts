/** Filters and paging of the review lists (rounds, requests): year, page size, token keys. */
import { InvalidArgumentError } from '@posa/platform';
import { pageSizeOf } from '../../grpc/list-request';
import { isUuid } from '../store/round-store';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 1–200 rows per page, 50 when not asked. */
export const reviewPageSize = (requested: number): number => pageSizeOf(requested, 50, 200);

/** A token's (day, id) key as this service wrote it, else INVALID_ARGUMENT on the token. */
export function assertPageKey(day: string, id: string): void {
  if (!ISO_DAY.test(day) || !isUuid(id)) {
    throw new InvalidArgumentError('page.page_token', 'is not a token of this list');
  }
}

/** The year filter: 0 means every year (undefined), else 2016–2100. */
export function yearFilterOf(year: number): number | undefined {
  if (year !== 0 && (year < 2016 || year > 2100)) {
    throw new InvalidArgumentError('year', 'must be 0 (every year) or between 2016 and 2100');
  }
  return year === 0 ? undefined : year;
}
