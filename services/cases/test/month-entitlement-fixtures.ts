/**
 * Writes decided cases straight into the cases database for the month-entitlement tests: a
 * case, its approval decision and its allowance periods, as the decision workflow leaves them.
 * Only the stream is under test here; the workflow has its own tests.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface FixturePeriod {
  /** First month, 'YYYY-MM'. */
  from: string;
  /** Last month inclusive, 'YYYY-MM'; null while open. */
  to: string | null;
  suspended?: boolean;
  categoryCodes?: string[];
  disabilityLevel?: 'severe' | 'extremely_severe' | null;
  careSupportTypeCode?: string | null;
}

export interface FixtureCase {
  code: string;
  kind?: 'monthly_allowance' | 'care_support';
  status?: string;
  communeCode: string;
  provinceCode: string;
  citizenId: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  periods: FixturePeriod[];
}

export interface WrittenCase {
  caseId: string;
  /** Decision id of each period, in the order given. */
  decisionIds: string[];
}

const monthAfter = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Inserts one case with one approval decision per period. */
export async function writeCase(db: pg.Pool, c: FixtureCase): Promise<WrittenCase> {
  const caseId = randomUUID();
  const kind = c.kind ?? 'monthly_allowance';
  const first = c.periods[0]!;
  await db.query(
    `INSERT INTO social_case (id, code, kind, status, commune_code, province_code, member_id,
       household_id, full_name, birth_year, birth_month, birth_day, sex, citizen_id,
       category_codes, disability_level, care_support_type_code, payment_channel,
       application_date, channel, procedure_code, created_by, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Người Thử', $9, $10, $11, 'female', $12, $13, $14,
       $15, 'cash_at_commune', $16, 'staff', 'nd147-2025', 'fixture', 1, now(), now())`,
    [
      caseId,
      c.code,
      kind,
      c.status ?? 'active',
      c.communeCode,
      c.provinceCode,
      randomUUID(),
      randomUUID(),
      c.birthYear,
      c.birthMonth,
      c.birthDay,
      c.citizenId,
      first.categoryCodes ?? [],
      first.disabilityLevel ?? null,
      first.careSupportTypeCode ?? null,
      `${first.from}-01`,
    ],
  );
  const decisionIds: string[] = [];
  for (const [i, p] of c.periods.entries()) {
    const decisionId = randomUUID();
    decisionIds.push(decisionId);
    await db.query(
      `INSERT INTO case_decision (id, case_id, kind, number, signed_on, signer, effective_month,
         unit_code, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, 'Chủ tịch UBND', $5, $6, 'fixture', now())`,
      [
        decisionId,
        caseId,
        i === 0 ? 'approval' : 'category_change',
        `${c.code}/${i + 1}/QĐ-UBND`,
        `${p.from}-01`,
        c.communeCode,
      ],
    );
    await db.query(
      `INSERT INTO entitlement_period (id, case_id, citizen_id, kind, months, suspended,
         category_codes, disability_level, care_support_type_code, decision_id)
       VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[)'), $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        caseId,
        c.citizenId,
        kind,
        `${p.from}-01`,
        p.to === null ? null : monthAfter(p.to),
        p.suspended ?? false,
        p.categoryCodes ?? [],
        p.disabilityLevel ?? null,
        p.careSupportTypeCode ?? null,
        decisionId,
      ],
    );
  }
  return { caseId, decisionIds };
}

/**
 * `count` simple open cases in one commune with one SQL statement each table (group 5c, born
 * 1940): enough to span several messages of the stream.
 */
export async function writeManyCases(
  db: pg.Pool,
  communeCode: string,
  provinceCode: string,
  count: number,
): Promise<void> {
  await db.query(
    `WITH n AS (SELECT g, gen_random_uuid() AS case_id, gen_random_uuid() AS decision_id
                  FROM generate_series(1, $3::int) g),
          c AS (INSERT INTO social_case (id, code, kind, status, commune_code, province_code,
                  member_id, household_id, full_name, birth_year, sex, citizen_id, category_codes,
                  payment_channel, application_date, channel, procedure_code, created_by, version,
                  created_at, updated_at)
                SELECT case_id, 'TC-' || $1 || '-2025-' || lpad(g::text, 6, '0'), 'monthly_allowance',
                       'active', $1, $2, gen_random_uuid(), gen_random_uuid(), 'Người Thử', 1940,
                       'male', '0010409' || lpad(g::text, 5, '0'), '{nd20-5c}', 'cash_at_commune',
                       '2025-08-01', 'staff', 'nd147-2025', 'fixture', 1, now(), now()
                  FROM n RETURNING id),
          d AS (INSERT INTO case_decision (id, case_id, kind, number, signed_on, signer,
                  effective_month, unit_code, recorded_by, recorded_at)
                SELECT decision_id, case_id, 'approval', g || '/QĐ-UBND', '2025-08-01', 'Chủ tịch',
                       '2025-08-01', $1, 'fixture', now()
                  FROM n RETURNING id)
     INSERT INTO entitlement_period (id, case_id, citizen_id, kind, months, category_codes,
       decision_id)
     SELECT gen_random_uuid(), case_id, '0010409' || lpad(g::text, 5, '0'), 'monthly_allowance',
            daterange('2025-09-01', NULL, '[)'), '{nd20-5c}', decision_id
       FROM n`,
    [communeCode, provinceCode, count],
  );
}
