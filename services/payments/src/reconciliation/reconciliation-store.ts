/**
 * SQL of the reconciliation of a unit (commune, province or VN) and month. Figures are summed
 * by SQL per commune over the closed payrolls, and once more for the whole unit by a separate
 * statement, so that the roll-up of the communes can be checked against it. Amounts travel as
 * bigint text and become numbers only when safe.
 */
import type pg from 'pg';
import { vnd } from '../files/payment-file-store';
import type { Figures } from './figures';

type Queryable = pg.Pool | pg.PoolClient;

/** Payrolls of the month in the unit: `$1` unit code, `$2` the month's first day. */
const SCOPE = `p.month = $2::date AND ($1 = 'VN' OR p.province_code = $1 OR p.commune_code = $1)`;

const FIGURE_SQL = `count(l.id)::int AS lines,
  COALESCE(sum(l.total_vnd), 0)::text AS planned,
  COALESCE(sum(l.total_vnd) FILTER (WHERE l.outcome = 'paid'), 0)::text AS paid,
  COALESCE(sum(l.total_vnd) FILTER (WHERE l.outcome = 'unpaid'), 0)::text AS unpaid,
  COALESCE(sum(l.total_vnd) FILTER (WHERE l.outcome = 'returned'), 0)::text AS returned,
  COALESCE(sum(l.total_vnd) FILTER (WHERE l.outcome = 'pending'), 0)::text AS pending`;

type FigureRow = Record<Exclude<keyof Figures, 'lines'>, string> & { lines: number };

const figuresOf = (r: FigureRow): Figures => ({
  lines: r.lines,
  planned: vnd(r.planned),
  paid: vnd(r.paid),
  unpaid: vnd(r.unpaid),
  returned: vnd(r.returned),
  pending: vnd(r.pending),
  carriedOver: vnd(r.carriedOver),
});

export interface CommuneFigures {
  communeCode: string;
  provinceCode: string;
  figures: Figures;
}

/** Figures of each commune with a closed payroll in the month. */
export async function communeFigures(
  db: Queryable,
  unitCode: string,
  month: string,
): Promise<CommuneFigures[]> {
  const res = await db.query<FigureRow & { commune_code: string; province_code: string }>(
    `WITH lines AS (
       SELECT p.commune_code, p.province_code, ${FIGURE_SQL}
         FROM payroll p LEFT JOIN payroll_line l ON l.payroll_id = p.id
        WHERE ${SCOPE} AND p.status = 'closed'
        GROUP BY p.commune_code, p.province_code),
     carried AS (
       SELECT p.commune_code, sum(i.amount_vnd) AS carried
         FROM payroll p JOIN payroll_item i ON i.payroll_id = p.id
        WHERE ${SCOPE} AND p.status = 'closed' AND i.kind = 'carried_over'
        GROUP BY p.commune_code)
     SELECT lines.*, COALESCE(carried.carried, 0)::text AS "carriedOver"
       FROM lines LEFT JOIN carried USING (commune_code)
      ORDER BY lines.commune_code`,
    [unitCode, `${month}-01`],
  );
  return res.rows.map((r) => ({
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    figures: figuresOf(r),
  }));
}

/** The same figures for the whole unit, summed directly (the check of the roll-up). */
export async function unitFigures(
  db: Queryable,
  unitCode: string,
  month: string,
): Promise<Figures> {
  const res = await db.query<FigureRow>(
    `SELECT ${FIGURE_SQL},
            (SELECT COALESCE(sum(i.amount_vnd), 0) FROM payroll p JOIN payroll_item i ON i.payroll_id = p.id
              WHERE ${SCOPE} AND p.status = 'closed' AND i.kind = 'carried_over')::text AS "carriedOver"
       FROM payroll p LEFT JOIN payroll_line l ON l.payroll_id = p.id
      WHERE ${SCOPE} AND p.status = 'closed'`,
    [unitCode, `${month}-01`],
  );
  return figuresOf(res.rows[0]!);
}

export interface PayrollStatusRow {
  payrollId: string;
  communeCode: string;
  provinceCode: string;
  status: 'draft' | 'approved' | 'closed';
}

export async function payrollsOfMonth(
  db: Queryable,
  unitCode: string,
  month: string,
): Promise<PayrollStatusRow[]> {
  const res = await db.query<PayrollStatusRow>(
    `SELECT p.id AS "payrollId", p.commune_code AS "communeCode", p.province_code AS "provinceCode",
            p.status
       FROM payroll p WHERE ${SCOPE} ORDER BY p.commune_code`,
    [unitCode, `${month}-01`],
  );
  return res.rows;
}

export interface FoundException {
  communeCode: string;
  kind: string;
  payrollId: string;
  lineId: string;
  amountVnd: string;
  detail: string;
}

/**
 * What does not add up or is missing, straight from the rows: payroll totals that are not the
 * sum of their lines, line totals that are not the sum of their items, result amounts that
 * differ from the plan, a line's outcome that is not its result's, the payrolls' own
 * exceptions, and (after the month ended) closed payrolls with lines still without a result.
 */
export async function foundExceptions(
  db: Queryable,
  unitCode: string,
  month: string,
  monthEnded: boolean,
  limit: number,
): Promise<FoundException[]> {
  const res = await db.query<FoundException>(
    `WITH scoped AS (SELECT p.* FROM payroll p WHERE ${SCOPE}),
     line_sums AS (
       SELECT s.id, count(l.id)::int AS n, COALESCE(sum(l.total_vnd), 0) AS total
         FROM scoped s LEFT JOIN payroll_line l ON l.payroll_id = s.id GROUP BY s.id)
     SELECT s.commune_code AS "communeCode", 'totals_mismatch' AS kind, s.id::text AS "payrollId",
            '' AS "lineId", (s.total_vnd - ls.total)::text AS "amountVnd",
            format('payroll total %s VND over %s lines, its lines add up to %s VND over %s',
                   s.total_vnd, s.lines, ls.total, ls.n) AS detail
       FROM scoped s JOIN line_sums ls ON ls.id = s.id
      WHERE s.total_vnd <> ls.total OR s.lines <> ls.n
     UNION ALL
     SELECT s.commune_code, 'totals_mismatch', s.id::text, l.id::text,
            (l.total_vnd - COALESCE(i.total, 0))::text,
            format('line total %s VND, its items add up to %s VND', l.total_vnd, COALESCE(i.total, 0))
       FROM scoped s JOIN payroll_line l ON l.payroll_id = s.id
       LEFT JOIN LATERAL (SELECT sum(amount_vnd) AS total FROM payroll_item WHERE line_id = l.id) i ON true
      WHERE l.total_vnd <> COALESCE(i.total, 0)
     UNION ALL
     SELECT s.commune_code, 'result_amount_mismatch', s.id::text, l.id::text,
            (r.amount_vnd - l.total_vnd)::text,
            format('result of %s VND for a planned %s VND', r.amount_vnd, l.total_vnd)
       FROM scoped s JOIN payroll_line l ON l.payroll_id = s.id JOIN payment_result r ON r.line_id = l.id
      WHERE r.amount_vnd <> l.total_vnd
     UNION ALL
     SELECT s.commune_code, 'outcome_mismatch', s.id::text, l.id::text, l.total_vnd::text,
            format('the line says %s, its result %s', l.outcome, COALESCE(r.outcome, 'none'))
       FROM scoped s JOIN payroll_line l ON l.payroll_id = s.id
       LEFT JOIN payment_result r ON r.line_id = l.id
      WHERE l.outcome <> COALESCE(r.outcome, 'pending')
     UNION ALL
     SELECT s.commune_code, e.kind, s.id::text, '', e.amount_vnd::text,
            format('case %s: %s', e.case_code, e.detail)
       FROM scoped s JOIN payroll_exception e ON e.payroll_id = s.id
     UNION ALL
     SELECT s.commune_code, 'missing_result', s.id::text, '', sum(l.total_vnd)::text,
            format('%s lines of the closed payroll have no result after the month ended', count(*))
       FROM scoped s JOIN payroll_line l ON l.payroll_id = s.id
      WHERE $3 AND s.status = 'closed' AND l.outcome = 'pending'
      GROUP BY s.commune_code, s.id
     ORDER BY 1, 2, 3, 4
     LIMIT $4`,
    [unitCode, `${month}-01`, monthEnded, limit],
  );
  return res.rows;
}
