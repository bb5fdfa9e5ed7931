/**
 * Import benchmark: writes CSV files of synthetic households (one per commune) and loads them
 * through the real pipeline (streaming validation, COPY-based writing) into a fresh
 * database, then COPYs the very rows it wrote into fresh databases (the baselines). Prints
 * households/s, peak RSS and the ratios to the baselines.
 *   IMPORT_BENCH_HOUSEHOLDS=1000000 npm run bench:household-import
 * IMPORT_BENCH_PATH chooses the pipeline:
 * - `initial` (default): one initial load of every file into the empty registry
 *   (initial-load.ts: secondary indexes and foreign keys built after the rows);
 * - `officer`: one officer import per file, each its own transaction, indexes maintained
 *   row by row, as on a live registry.
 * Baselines: a bare COPY of the same rows into the tables with all their indexes, and the
 * same COPY into the tables without their secondary structures followed by building them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { closePool, createPool, runMigrations } from '@posa/db';
import { createLogger } from '@posa/platform';
import { loadUnits } from '@posa/units';
import type pg from 'pg';
import { createTestDatabase } from '@posa/testing';
import { MIGRATIONS_DIR } from '../../../services/households/src/app';
import {
  insertJob,
  type ImportJobRecord,
} from '../../../services/households/src/import/import-jobs';
import { emptyCounts } from '../../../services/households/src/import/import-file';
import { runImport } from '../../../services/households/src/import/run-import';
import { runInitialLoad } from '../../../services/households/src/initial-load/initial-load';
import {
  dropSecondaryStructures,
  rebuildSecondaryStructures,
} from '../../../services/households/src/initial-load/secondary-structures';
import { loadCommunes } from './commune-loader';
import { generateHouseholds, type SyntheticHousehold } from './synthetic-households';

const COUNT = Number(process.env.IMPORT_BENCH_HOUSEHOLDS ?? 1_000_000);
const PATH = process.env.IMPORT_BENCH_PATH ?? 'initial';
/** Households per write batch (the pipeline's default when unset). */
const BATCH = process.env.IMPORT_BENCH_BATCH ? Number(process.env.IMPORT_BENCH_BATCH) : undefined;
/** IMPORT_BENCH_BASELINES=0 skips the baselines (quicker runs while tuning). */
const BASELINES = process.env.IMPORT_BENCH_BASELINES !== '0';
if (PATH !== 'initial' && PATH !== 'officer')
  throw new Error('IMPORT_BENCH_PATH must be initial or officer');
/**
 * Communes of Hà Nội (01) and Thành phố Hồ Chí Minh (79), one CSV each: a bulk load is one
 * file per commune, and real communes hold thousands of households, not hundreds of
 * thousands (matching already registered households is per commune).
 */
const COMMUNES = loadCommunes()
  .filter((c) => c.provinceCode === '01' || c.provinceCode === '79')
  .map((c) => ({ ...c, villageCodes: ['TDP-01', 'TDP-02'] }));
const PROVINCE_OF = new Map(COMMUNES.map((c) => [c.communeCode, c.provinceCode]));
const TABLES = [
  'household_import',
  'household',
  'member',
  'household_change',
  'posa_outbox',
  'household_import_outcome',
];
const logger = createLogger({ service: 'import-bench', level: 'warn' });

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function dateText(m: SyntheticHousehold['members'][number]): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m.birthMonth === null) return String(m.birthYear);
  if (m.birthDay === null) return `${pad(m.birthMonth)}/${m.birthYear}`;
  return `${pad(m.birthDay)}/${pad(m.birthMonth)}/${m.birthYear}`;
}

/** One CSV per commune; returns the files and the member count. */
async function writeFiles(dir: string): Promise<{ files: Map<string, string>; members: number }> {
  const files = new Map<string, string>();
  const outs = new Map<string, ReturnType<typeof createWriteStream>>();
  for (const { communeCode: c } of COMMUNES) {
    const file = path.join(dir, `${c}.csv`);
    files.set(c, file);
    const out = createWriteStream(file);
    out.write(
      'household_no,village_code,street_address,area,full_name,date_of_birth,sex,ethnic_group_code,citizen_id,relation\n',
    );
    outs.set(c, out);
  }
  let members = 0;
  for (const h of generateHouseholds({ seed: 42, count: COUNT, communes: COMMUNES })) {
    let text = '';
    for (const m of h.members) {
      members++;
      text +=
        [
          h.code,
          h.villageCode ?? '',
          h.streetAddress,
          h.area,
          m.fullName,
          dateText(m),
          m.sex,
          m.ethnicGroupCode,
          m.citizenId ?? '',
          m.relation,
        ]
          .map(csvField)
          .join(',') + '\n';
    }
    const out = outs.get(h.communeCode)!;
    if (!out.write(text)) await once(out, 'drain');
  }
  for (const out of outs.values()) {
    out.end();
    await once(out, 'finish');
  }
  return { files, members };
}

async function importFiles(pool: pg.Pool, files: Map<string, string>): Promise<number> {
  if (PATH === 'initial') {
    const load = await runInitialLoad(pool, {
      files: [...files].map(([communeCode, file]) => ({ communeCode, path: file })),
      mode: 'valid_rows',
      formType: 'C',
      operator: 'bench',
      reason: 'benchmark',
      units: loadUnits(),
      today: '2026-12-31',
      logger,
      batchSize: BATCH,
    });
    console.log(
      `  files read and written in ${load.loadSeconds.toFixed(1)} s, indexes and foreign keys built in ${load.rebuildSeconds.toFixed(1)} s`,
    );
    return load.jobs.reduce((n, j) => n + j.householdsCreated, 0);
  }
  let created = 0;
  for (const [communeCode, file] of files) {
    const job: ImportJobRecord = {
      id: randomUUID(),
      fileName: path.basename(file),
      fileSha256: createHash('sha256').update(file).digest('hex'),
      fileSize: (await stat(file)).size,
      fileFormat: 'csv',
      formType: 'C',
      communeCode,
      provinceCode: PROVINCE_OF.get(communeCode)!,
      villageCode: '',
      mode: 'valid_rows',
      status: 'running',
      ...emptyCounts(),
      failure: '',
      actorId: 'bench',
      actorUnitCode: communeCode,
      createdAt: new Date(),
      finishedAt: null,
    };
    await insertJob(pool, job);
    const actor = {
      actorId: 'bench',
      actorUnitCode: communeCode,
      sourceAddress: '127.0.0.1',
      reason: `import ${job.fileName} (${job.id})`,
    };
    const done = await runImport(pool, {
      job,
      file,
      actor,
      today: '2026-12-31',
      logger,
      batchSize: BATCH,
    });
    if (done.status === 'failed' || done.status === 'rejected')
      throw new Error(`import of ${communeCode}: ${done.status} (${done.errorCount} errors)`);
    created += done.householdsCreated;
  }
  return created;
}

/** COPYs every dump into a fresh database; `deferred`: without secondary structures, built after. */
async function baseline(dumps: Map<string, string>, deferred: boolean): Promise<number> {
  const db = await createTestDatabase('households_import_baseline');
  const pool = createPool({
    url: db.url,
    max: 2,
    applicationName: 'import-bench',
    logger,
    statementTimeoutMs: 0,
  });
  try {
    await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
    const b = await pool.connect();
    const t = performance.now();
    try {
      await b.query('BEGIN');
      const structures = deferred ? await dropSecondaryStructures(b) : undefined;
      for (const [table, file] of dumps) {
        const t0 = performance.now();
        await pipeline(createReadStream(file), b.query(copyFrom(`COPY ${table} FROM STDIN`)));
        console.log(`    ${table}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      if (structures !== undefined) {
        const t0 = performance.now();
        await rebuildSecondaryStructures(b, structures);
        console.log(
          `    indexes and foreign keys: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      await b.query('COMMIT');
    } finally {
      b.release();
    }
    return (performance.now() - t) / 1000;
  } finally {
    await closePool(pool);
    await db.drop();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'posa-import-bench-'));
  const target = await createTestDatabase('households_import_bench');
  const pool = createPool({ url: target.url, max: 4, applicationName: 'import-bench', logger });
  try {
    await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
    const { files, members } = await writeFiles(dir);
    let bytes = 0;
    for (const f of files.values()) bytes += (await stat(f)).size;
    console.log(
      `generated ${COUNT} households, ${members} members, ${(bytes / 1e6).toFixed(0)} MB of CSV in ${files.size} commune files`,
    );

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const created = await importFiles(pool, files);
    const importSec = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    console.log(
      `pipeline (${PATH}): ${created} households in ${importSec.toFixed(1)} s = ${(created / importSec).toFixed(0)} households/s (target >= 20000)`,
    );
    console.log(`refused (same head name and date of birth without ID, etc.): ${COUNT - created}`);
    console.log(`peak RSS: ${(peakRss / 1024 ** 2).toFixed(0)} MB (limit 512 MB)`);

    if (!BASELINES) return;
    // Baselines: the same rows, exported from the target, COPYed into fresh databases.
    const dumps = new Map<string, string>();
    for (const t of TABLES) {
      const file = path.join(dir, `${t}.copy`);
      const c = await pool.connect();
      try {
        await c.query('SET statement_timeout = 0');
        await pipeline(c.query(copyTo(`COPY ${t} TO STDOUT`)), createWriteStream(file));
      } finally {
        c.release();
      }
      dumps.set(t, file);
    }
    for (const deferred of [false, true]) {
      console.log(
        deferred
          ? '  baseline 2: bare COPY, secondary indexes and foreign keys built after'
          : '  baseline 1: bare COPY into the tables with all their indexes',
      );
      const sec = await baseline(dumps, deferred);
      console.log(
        `  = ${sec.toFixed(1)} s = ${(created / sec).toFixed(0)} households/s; pipeline / baseline time: ${(importSec / sec).toFixed(2)}`,
      );
    }
  } finally {
    await closePool(pool);
    await target.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
