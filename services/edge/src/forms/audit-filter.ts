/**
 * Filters of the audit trail from a query string. Pages give whole days (YYYY-MM-DD, days in
 * Vietnam, UTC+7, the end day included); the API also takes RFC 3339 instants.
 */
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actorId: string;
  subjectId: string;
  action: string;
  /** Only entries whose subject unit lies in this unit's subtree ("" for any). */
  subjectUnitCode: string;
}

const VN_OFFSET_MS = 7 * 3600 * 1000;
const UNIT_CODE = /^(VN|[0-9]{2}|[0-9]{3}|[0-9]{5})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Start of a day in Vietnam; `plusDays` 1 gives the start of the next day. */
export function vietnamDayStart(date: string, plusDays = 0): Date | undefined {
  const d = parseDate(date);
  if (d === undefined) return undefined;
  return new Date(Date.UTC(d.year, d.month - 1, d.day + plusDays) - VN_OFFSET_MS);
}

function single(q: Record<string, unknown>, name: string): string {
  const v = q[name];
  return typeof v === 'string' ? v.trim() : '';
}

function bounded(q: Record<string, unknown>, name: string, field: string): string {
  const v = single(q, name);
  if (v.length > 100) throw badRequest(field, 'must be at most 100 characters');
  return v;
}

/**
 * `from` and `to` (a day, or an instant for the API), `actor`, `action`, `subject`, `unit`
 * (a subject unit code: the entries of its subtree).
 * Throws INVALID_ARGUMENT naming the parameter.
 */
export function parseAuditFilter(
  q: Record<string, unknown>,
  options: { instants: boolean },
): AuditFilter {
  const time = (name: 'from' | 'to'): Date | undefined => {
    const text = single(q, name);
    if (text === '') return undefined;
    if (options.instants && INSTANT.test(text)) {
      const at = new Date(text);
      if (!Number.isNaN(at.getTime())) return at;
    }
    const day = vietnamDayStart(text, name === 'to' ? 1 : 0);
    if (day === undefined)
      throw badRequest(
        name,
        options.instants ? 'must be a date YYYY-MM-DD or an RFC 3339 instant' : 'must be a date',
      );
    return day;
  };
  const from = time('from');
  const to = time('to');
  if (from !== undefined && to !== undefined && to <= from)
    throw badRequest('to', 'must be after from');
  const unit = single(q, 'unit');
  if (unit !== '' && !UNIT_CODE.test(unit)) throw badRequest('unit', 'not a unit code');
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    actorId: bounded(q, 'actor', 'actor'),
    subjectId: bounded(q, 'subject', 'subject'),
    action: bounded(q, 'action', 'action'),
    subjectUnitCode: unit,
  };
}
