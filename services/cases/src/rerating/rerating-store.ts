/** SQL of re-rating jobs (migrations/0006_rerating.sql). */
import { firstDayOf } from '@posa/platform';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ReratingScope } from './rerating-scope';

export interface ReratingJob extends ReratingScope {
  id: string;
  lastCaseId: string | null;
}

/** Queues a job inside the transaction of the catalogue edit. */
export async function insertReratingJob(
  client: pg.PoolClient,
  cause: { entity: string; entityKey: string; at: Date },
  scope: ReratingScope,
): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO rerating_job (id, entity, entity_key, from_month, province_code, category_code,
                               care_support_type_code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      cause.entity,
      cause.entityKey,
      firstDayOf(scope.fromMonth),
      scope.provinceCode,
      scope.categoryCode,
      scope.careSupportTypeCode,
      cause.at,
    ],
  );
  return id;
}

/** The oldest unfinished job, locked for this worker (others skip it). */
export async function claimJob(client: pg.PoolClient): Promise<ReratingJob | undefined> {
  const { rows } = await client.query<{
    id: string;
    from_month: string;
    province_code: string | null;
    category_code: string | null;
    care_support_type_code: string | null;
    last_case_id: string | null;
  }>(
    `SELECT id, to_char(from_month, 'YYYY-MM') AS from_month, province_code, category_code,
            care_support_type_code, last_case_id
       FROM rerating_job WHERE finished_at IS NULL
      ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  return {
    id: r.id,
    fromMonth: r.from_month,
    provinceCode: r.province_code,
    categoryCode: r.category_code,
    careSupportTypeCode: r.care_support_type_code,
    lastCaseId: r.last_case_id,
  };
}

/** The next cases after the job's position with a period reaching its first month. */
export async function nextCaseIds(
  client: pg.PoolClient,
  job: ReratingJob,
  limit: number,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT c.id FROM social_case c
      WHERE ($1::uuid IS NULL OR c.id > $1::uuid)
        AND ($3::text IS NULL OR c.province_code = $3)
        AND EXISTS (
          SELECT 1 FROM entitlement_period p
           WHERE p.case_id = c.id
             AND (upper_inf(p.months) OR upper(p.months) > $2::date)
             AND ($4::text IS NULL OR $4 = ANY (p.category_codes))
             AND ($5::text IS NULL OR p.care_support_type_code = $5))
      ORDER BY c.id LIMIT $6`,
    [
      job.lastCaseId,
      firstDayOf(job.fromMonth),
      job.provinceCode,
      job.categoryCode,
      job.careSupportTypeCode,
      limit,
    ],
  );
  return rows.map((r) => r.id);
}

export async function advanceJob(
  client: pg.PoolClient,
  jobId: string,
  lastCaseId: string,
  done: number,
): Promise<void> {
  await client.query(
    `UPDATE rerating_job SET last_case_id = $2, cases_done = cases_done + $3 WHERE id = $1`,
    [jobId, lastCaseId, done],
  );
}

export async function finishJob(client: pg.PoolClient, jobId: string, at: Date): Promise<void> {
  await client.query('UPDATE rerating_job SET finished_at = $2 WHERE id = $1', [jobId, at]);
}
