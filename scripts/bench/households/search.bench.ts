/**
 * Member search by name at national scale, with a baseline measured in the same run.
 *
 *   npx tsx --conditions=posa-src scripts/bench/households/search.bench.ts
 *     [--households N] [--queries N] [--seed N]       (or HOUSEHOLDS, QUERIES, SEED)
 *
 * Loads N synthetic households (default 1,000,000, about 3.9 members each) into a database
 * of the running PostgreSQL (kept and reused for the same seed and N), then runs realistic
 * name queries typed without diacritics through the service's own store query
 * (searchMembers, first page of 20): full names, surname + given name, and names whose last
 * word is still being typed, each scoped to the person's commune, province and the whole
 * country. Baseline: the same store query by citizen ID (an exact b-tree look-up), national.
 * Prints p50/p95/p99 per scope and the ratio of each p95 to the baseline's. Targets at 4M
 * members: p95 < 50 ms commune-scoped, < 200 ms national.
 */
import { createPool } from '@posa/db';
import { nameSearchKey } from '@posa/platform';
import type { SearchCriterion } from '../../../services/households/src/domain/search-query';
import {
  searchMembers,
  type SearchScope,
} from '../../../services/households/src/store/member-search-store';
import { benchDatabase } from './bench-database';
import { loadCommunes } from './commune-loader';
import { SeededRandom } from './seeded-random';
import { generateHouseholds, type SyntheticHousehold } from './synthetic-households';

function option(flag: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${flag}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${flag} must be a positive integer`);
  return value;
}

const HOUSEHOLDS = option('households', 'HOUSEHOLDS', 1_000_000);
const QUERIES = option('queries', 'QUERIES', 300);
const SEED = option('seed', 'SEED', 2026);
const PAGE = 20;
const log = (s: string): void => console.error(`[bench] ${s}`);

interface Probe {
  words: string[];
  communeCode: string;
  provinceCode: string;
  citizenId: string;
}

/** Queries typed the way officers type them, from people who are in the database. */
function probes(): Probe[] {
  const random = new SeededRandom(SEED + 1);
  const sample: SyntheticHousehold[] = [];
  const pool = Math.min(HOUSEHOLDS, 50_000);
  for (const h of generateHouseholds({ seed: SEED, count: pool, communes: loadCommunes() })) {
    sample.push(h);
  }
  const out: Probe[] = [];
  while (out.length < QUERIES) {
    const h = random.pick(sample);
    const m = random.pick(h.members);
    if (m.citizenId === null) continue;
    const words = nameSearchKey(m.fullName).split(' ');
    const style = random.next();
    let typed: string[];
    if (style < 0.5) typed = words;
    else if (style < 0.75) typed = [words[0]!, words[words.length - 1]!];
    else {
      const last = words[words.length - 1]!;
      typed = [...words.slice(0, -1), last.slice(0, Math.max(1, last.length - 2))];
    }
    out.push({
      words: typed,
      communeCode: h.communeCode,
      provinceCode: h.provinceCode,
      citizenId: m.citizenId,
    });
  }
  return out;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const db = await benchDatabase(SEED, HOUSEHOLDS, log);
  log(
    `${db.households} households, ${db.members} members${db.loadedNow ? ' (loaded now)' : ' (reused)'}`,
  );
  const pool = createPool({ url: db.url, max: 2, applicationName: 'bench-household-search' });
  const list = probes();
  type Scope = 'commune' | 'province' | 'national' | 'baseline';
  const scopes: Scope[] = ['commune', 'province', 'national', 'baseline'];
  const times: Record<Scope, number[]> = { commune: [], province: [], national: [], baseline: [] };
  const found: Record<Scope, number> = { commune: 0, province: 0, national: 0, baseline: 0 };
  const run = async (p: Probe, scope: Scope): Promise<[number, number]> => {
    const criterion: SearchCriterion =
      scope === 'baseline'
        ? { kind: 'citizen_id', citizenId: p.citizenId }
        : { kind: 'name', words: p.words };
    const where: SearchScope =
      scope === 'commune'
        ? { communeCode: p.communeCode }
        : scope === 'province'
          ? { provinceCode: p.provinceCode }
          : {};
    const t = process.hrtime.bigint();
    const rows = await searchMembers(pool, criterion, {
      scope: where,
      includeDeceased: false,
      limit: PAGE + 1,
    });
    return [Number(process.hrtime.bigint() - t) / 1e6, rows.length];
  };
  // Warm-up: a tenth of the queries in every scope, not counted.
  for (const p of list.slice(0, Math.ceil(list.length / 10)))
    for (const s of scopes) await run(p, s);
  // Scopes take turns query by query so load from other processes hits all alike.
  for (const p of list) {
    for (const s of scopes) {
      const [ms, n] = await run(p, s);
      times[s].push(ms);
      if (n > 0) found[s]++;
    }
  }
  const base = [...times.baseline].sort((a, b) => a - b);
  const summary = Object.fromEntries(
    scopes.map((s) => {
      const sorted = [...times[s]].sort((a, b) => a - b);
      return [
        s,
        {
          p50: +percentile(sorted, 50).toFixed(2),
          p95: +percentile(sorted, 95).toFixed(2),
          p99: +percentile(sorted, 99).toFixed(2),
          withResults: found[s],
          p95VsBaseline: +(percentile(sorted, 95) / percentile(base, 95)).toFixed(1),
        },
      ];
    }),
  );
  console.log(
    JSON.stringify(
      {
        bench: 'household-search',
        households: db.households,
        members: db.members,
        queries: list.length,
        pageSize: PAGE,
        unit: 'ms',
        ...summary,
      },
      null,
      2,
    ),
  );
  await pool.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
