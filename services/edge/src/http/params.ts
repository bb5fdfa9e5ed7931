/** Query parameters shared by pages and API: the structure to read and paging. */
import type { AdministrativeStructure, CalendarDate, PageRequest } from '@posa/proto';
import { STRUCTURE_OF_NAME, type StructureName } from '../api/unit-json';
import { badRequest } from './errors';

export interface Version {
  asOf?: CalendarDate;
  structure?: AdministrativeStructure;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date from YYYY-MM-DD (a real day), else undefined. */
export function parseDate(text: string): CalendarDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `asOf` (YYYY-MM-DD) or `structure` (2024 | 2025); neither: today's structure. */
export function parseVersion(q: Record<string, unknown>, dateParam = 'asOf'): Version {
  const asOfText = single(q[dateParam]);
  const structureText = single(q['structure']);
  if (asOfText !== undefined && structureText !== undefined) {
    throw badRequest('structure', `give either ${dateParam} or structure, not both`);
  }
  if (structureText !== undefined) {
    if (!(structureText in STRUCTURE_OF_NAME))
      throw badRequest('structure', 'must be 2024 or 2025');
    return { structure: STRUCTURE_OF_NAME[structureText as StructureName] };
  }
  if (asOfText !== undefined) {
    const asOf = parseDate(asOfText);
    if (asOf === undefined) throw badRequest(dateParam, 'must be a date YYYY-MM-DD');
    return { asOf };
  }
  return {};
}

/** `pageSize` (1..1000) and `pageToken`. */
export function parsePage(q: Record<string, unknown>): PageRequest {
  const sizeText = single(q['pageSize']);
  let pageSize = 0;
  if (sizeText !== undefined) {
    if (!/^\d{1,4}$/.test(sizeText) || Number(sizeText) < 1 || Number(sizeText) > 1000) {
      throw badRequest('pageSize', 'must be an integer from 1 to 1000');
    }
    pageSize = Number(sizeText);
  }
  const pageToken = single(q['pageToken']) ?? '';
  if (pageToken.length > 2000) throw badRequest('pageToken', 'is too long');
  return { pageSize, pageToken };
}

/** A required text parameter, trimmed, at most `max` characters. */
export function requiredText(q: Record<string, unknown>, name: string, max: number): string {
  const value = single(q[name])?.trim();
  if (value === undefined || value === '') throw badRequest(name, 'is required');
  if (value.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return value;
}
