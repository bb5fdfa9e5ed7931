/**
 * The abuse limits of the citizen online service, counted in the database: stored submissions
 * per citizen ID in 24 hours and per source (its SHA-256) in one hour. Advisory locks
 * serialise the submissions of one citizen ID and one source, so two at once cannot both pass.
 */
import type pg from 'pg';
import type { Queryable } from '../store/policy-store';

/** Submissions stored for the citizen ID in the last 24 hours and from the source in the last hour. */
export async function recentSubmissions(
  db: Queryable,
  citizenId: string,
  sourceDigest: string,
  now: Date,
): Promise<{ byCitizen: number; bySource: number }> {
  const { rows } = await db.query<{ by_citizen: string; by_source: string }>(
    `SELECT
       (SELECT count(*) FROM online_application
         WHERE citizen_id = $1 AND received_at > $3::timestamptz - interval '24 hours') AS by_citizen,
       (SELECT count(*) FROM online_application
         WHERE source_digest = $2 AND received_at > $3::timestamptz - interval '1 hour') AS by_source`,
    [citizenId, sourceDigest, now.toISOString()],
  );
  return { byCitizen: Number(rows[0]?.by_citizen ?? 0), bySource: Number(rows[0]?.by_source ?? 0) };
}

/** Serialises submissions of one citizen ID, then of one source, until the transaction ends. */
export async function lockSubmitters(
  client: pg.PoolClient,
  citizenId: string,
  sourceDigest: string,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `online-citizen:${citizenId}`,
  ]);
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `online-source:${sourceDigest}`,
  ]);
}
