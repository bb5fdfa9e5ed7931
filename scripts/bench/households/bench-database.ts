/**
 * The search bench's database on the running PostgreSQL: the households migrations, then
 * synthetic households loaded with COPY (indexes dropped during the load and rebuilt after,
 * foreign keys not checked row by row). Named after seed and count and marked complete at
 * the end, so a rerun with the same figures reuses it; a half-loaded or outdated one is
 * dropped and loaded again.
 */
import path from 'node:path';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { nameSearchKey } from '@posa/platform';
import { dropForLoad, finish, keptBenchDatabase, withClient, write } from '../bench-database-parts';
import { loadCommunes } from './commune-loader';
import { generateHouseholds } from './synthetic-households';

const MIGRATIONS_DIR = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'services',
  'households',
  'migrations',
);

export interface BenchDatabase {
  url: string;
  households: number;
  members: number;
  loadedNow: boolean;
}

/** A valid version-4 UUID made from a counter, so both COPY streams agree on ids. */
function uuidOf(kind: 1 | 2, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0000000${kind}-0000-4000-8000-${hex}`;
}

const copyText = (v: string | number | null): string => (v === null ? '\\N' : String(v));

async function load(url: string, seed: number, count: number, log: (s: string) => void) {
  const a = new Client({ connectionString: url });
  const b = new Client({ connectionString: url });
  await a.connect();
  await b.connect();
  try {
    const restore = await dropForLoad(a, ['household', 'member']);
    for (const c of [a, b]) await c.query(`SET session_replication_role = replica`);
    const households = a.query(
      copyFrom(`COPY household (id, code, commune_code, province_code, village_code,
        street_address, area, head_member_id, status, version, created_at, updated_at) FROM STDIN`),
    );
    const members = b.query(
      copyFrom(`COPY member (id, household_id, full_name, name_search, birth_year, birth_month,
        birth_day, sex, ethnic_group_code, citizen_id, relation, deceased_on, created_at,
        updated_at) FROM STDIN`),
    );
    const now = new Date().toISOString();
    let h = 0;
    let m = 0;
    const started = Date.now();
    for (const hh of generateHouseholds({ seed, count, communes: loadCommunes() })) {
      h++;
      const householdId = uuidOf(1, h);
      const headId = uuidOf(2, m + 1);
      const status = h % 37 === 0 ? 'dissolved' : 'active';
      await write(
        households,
        [
          householdId,
          hh.code,
          hh.communeCode,
          hh.provinceCode,
          copyText(hh.villageCode),
          hh.streetAddress,
          hh.area,
          headId,
          status,
          1,
          now,
          now,
        ].join('\t') + '\n',
      );
      for (const p of hh.members) {
        m++;
        await write(
          members,
          [
            uuidOf(2, m),
            householdId,
            p.fullName,
            nameSearchKey(p.fullName),
            p.birthYear,
            copyText(p.birthMonth),
            copyText(p.birthDay),
            p.sex,
            p.ethnicGroupCode,
            copyText(p.citizenId),
            p.relation,
            '\\N',
            now,
            now,
          ].join('\t') + '\n',
        );
      }
      if (h % 100_000 === 0)
        log(`copied ${h} households, ${m} members (${Date.now() - started} ms)`);
    }
    await Promise.all([finish(households), finish(members)]);
    log(`copy done in ${Date.now() - started} ms; building ${restore.length} indexes`);
    await a.query(`SET maintenance_work_mem = '1GB'`);
    for (const statement of restore) {
      const t = Date.now();
      await a.query(statement);
      log(`${statement.slice(0, 60)}… in ${Date.now() - t} ms`);
    }
    await a.query('VACUUM ANALYZE household');
    await a.query('VACUUM ANALYZE member');
    await a.query('CREATE TABLE bench_load (seed integer, households integer, members integer)');
    await a.query('INSERT INTO bench_load VALUES ($1, $2, $3)', [seed, h, m]);
  } finally {
    await a.end();
    await b.end();
  }
}

/** The loaded database for seed and count, loading it first when needed. */
export async function benchDatabase(
  seed: number,
  count: number,
  log: (s: string) => void,
): Promise<BenchDatabase> {
  const name = `bench_household_search_s${seed}_n${count}`;
  const { url, loadedNow } = await keptBenchDatabase(name, MIGRATIONS_DIR, async (loadUrl) => {
    log(`loading ${count} households into ${name}`);
    await load(loadUrl, seed, count, log);
  });
  const loaded = await withClient(
    url,
    async (c) =>
      (
        await c.query<{ households: number; members: number }>(
          'SELECT households, members FROM bench_load',
        )
      ).rows[0]!,
  );
  return { url, ...loaded, loadedNow };
}
