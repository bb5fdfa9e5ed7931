/**
 * The bench's baseline: the month's total computed by one bare SQL aggregate over the same rows
 * the stream reads (periods covering the month joined to their case and decision), with the
 * coefficient joined from the catalogue by category, age band and disability level and the
 * base level national or provincial, whichever is higher. No per-case line leaves the
 * database, so it bounds what reading, pricing and streaming every line can cost.
 */
import type pg from 'pg';

const TOTAL = `
WITH covering AS (
  SELECT p.id, c.province_code, p.kind, p.category_codes, p.disability_level,
         p.care_support_type_code, p.suspended,
         ($2::int - c.birth_year) * 12 + ($3::int - coalesce(c.birth_month, 1))
           - CASE WHEN coalesce(c.birth_day, 1) > 1 THEN 1 ELSE 0 END AS age_months
    FROM entitlement_period p
    JOIN social_case c ON c.id = p.case_id
    JOIN case_decision d ON d.id = p.decision_id
   WHERE p.months @> $1::date),
coef AS (
  SELECT v.id, v.province_code, max(r.coefficient_hundredths) AS coef
    FROM covering v
   CROSS JOIN LATERAL unnest(v.category_codes) AS cat(code)
    JOIN coefficient_rule r ON r.category_code = cat.code
     AND r.valid_from <= $1::date AND (r.valid_to IS NULL OR $1::date <= r.valid_to)
     AND (r.min_age_months IS NULL OR v.age_months >= r.min_age_months)
     AND (r.max_age_months IS NULL OR v.age_months < r.max_age_months)
     AND (r.disability_level IS NULL OR r.disability_level = v.disability_level)
   WHERE v.kind = 'monthly_allowance' AND NOT v.suspended
   GROUP BY v.id, v.province_code
  UNION ALL
  SELECT v.id, v.province_code, t.coefficient_hundredths
    FROM covering v
    JOIN care_support_type t ON t.code = v.care_support_type_code
     AND t.valid_from <= $1::date AND (t.valid_to IS NULL OR $1::date <= t.valid_to)
   WHERE v.kind = 'care_support' AND NOT v.suspended),
national AS (
  SELECT amount_vnd FROM base_level
   WHERE province_code IS NULL AND valid_from <= $1::date AND (valid_to IS NULL OR $1::date <= valid_to)),
provincial AS (
  SELECT province_code, amount_vnd FROM base_level
   WHERE province_code IS NOT NULL AND valid_from <= $1::date AND (valid_to IS NULL OR $1::date <= valid_to))
SELECT (SELECT count(*) FROM covering)::int AS lines,
       coalesce(sum((greatest(coalesce(b.amount_vnd, 0), n.amount_vnd) * coef.coef + 50) / 100), 0)::text
         AS "totalVnd"
  FROM coef CROSS JOIN national n LEFT JOIN provincial b ON b.province_code = coef.province_code`;

export interface MonthTotal {
  lines: number;
  /** Whole dong as a decimal string (bigint in SQL). */
  totalVnd: string;
}

/** Lines covering the month and the total owed, by one SQL statement. */
export async function sqlMonthTotal(pool: pg.Pool, month: string): Promise<MonthTotal> {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const { rows } = await pool.query<MonthTotal>(TOTAL, [`${month}-01`, year, m]);
  return rows[0]!;
}
