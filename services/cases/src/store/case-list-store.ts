/**
 * The case list of a unit (danh sách hồ sơ) in keyset pages ordered by case code, with the
 * filters of ListCases. Explicit SQL; the scope is a set of communes, a province or the country.
 */
import { OPEN_STEP_STATUSES } from '../domain/case-deadline';
import type { CaseRow, CaseStatus } from '../domain/case-record';
import { CASE_COLUMNS, caseOf, type CaseSqlRow, type Db } from './case-store';
import { SqlConditions } from './sql-conditions';

export interface CaseListFilter {
  /** Only these communes (a commune, or the communes of a 2024 district). */
  communeCodes?: readonly string[];
  provinceCode?: string;
  status?: CaseStatus;
  /** Only cases whose open step was due before this day. */
  overdueBefore?: string;
  flaggedOnly: boolean;
  afterCode?: string;
  limit: number;
}

export interface ListedCase {
  row: CaseRow;
  /** An open review flag exists. */
  flagged: boolean;
}

export async function listCases(db: Db, f: CaseListFilter): Promise<ListedCase[]> {
  const c = new SqlConditions();
  if (f.communeCodes !== undefined) c.add(`commune_code = ANY(${c.param(f.communeCodes)})`);
  if (f.provinceCode !== undefined) c.add(`province_code = ${c.param(f.provinceCode)}`);
  if (f.status !== undefined) c.add(`status = ${c.param(f.status)}`);
  if (f.overdueBefore !== undefined) {
    c.add(`step_due_on < ${c.param(f.overdueBefore)}::date`);
    c.add(`status = ANY(${c.param(OPEN_STEP_STATUSES)})`);
  }
  const openFlag =
    'EXISTS (SELECT 1 FROM review_flag f WHERE f.case_id = social_case.id AND f.resolved_at IS NULL)';
  if (f.flaggedOnly) c.add(openFlag);
  if (f.afterCode !== undefined) c.add(`code > ${c.param(f.afterCode)}`);
  const sql =
    `SELECT ${CASE_COLUMNS}, ${openFlag} AS flagged FROM social_case` +
    c.where() +
    ` ORDER BY code LIMIT ${c.param(f.limit)}`;
  const res = await db.query<CaseSqlRow & { flagged: boolean }>(sql, c.params);
  return res.rows.map((r) => ({ row: caseOf(r), flagged: r.flagged }));
}

/** The communes that have cases, for a 2024 district's list (filtered by the caller). */
export async function communesWithCases(db: Db): Promise<string[]> {
  const res = await db.query<{ commune_code: string }>(
    'SELECT DISTINCT commune_code FROM social_case ORDER BY commune_code',
  );
  return res.rows.map((r) => r.commune_code);
}
