/** Parameters of the household pages and API: ids, the "as of" instant, list filters. */
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A household or member id from the path (UUID), else 400 naming `field`. */
export function idParam(value: unknown, field: string): string {
  if (!isUuid(value)) throw badRequest(field, 'must be a UUID');
  return value.toLowerCase();
}

/**
 * "As of" (tại thời điểm): a day YYYY-MM-DD means the end of that day in Vietnam; an ISO
 * instant with its offset is taken as is. Empty: undefined (the household now).
 */
export function asOfInstant(text: string | undefined, field = 'as_of'): Date | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = text.trim();
  const day = parseDate(value);
  if (day !== undefined) {
    return new Date(Date.UTC(day.year, day.month - 1, day.day + 1) - VIETNAM_OFFSET_MS - 1);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw badRequest(field, 'must be a date YYYY-MM-DD or an instant with its offset');
}

/** A unit code of the 2025 structure (commune, province) or VN; empty: the caller's unit. */
export function unitCodeParam(text: string | undefined, field = 'unit_code'): string {
  const value = (text ?? '').trim();
  if (value !== '' && !/^(VN|[0-9]{2}|[0-9]{5})$/.test(value))
    throw badRequest(field, 'must be VN, a 2-digit province or a 5-digit commune code');
  return value;
}

/** A single query-string value, trimmed ('' when absent). */
export function queryValue(q: Record<string, unknown>, name: string, max = 200): string {
  const v = q[name];
  if (typeof v !== 'string') return '';
  const value = v.trim();
  if (value.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return value;
}
