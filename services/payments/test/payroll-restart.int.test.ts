/**
 * A province's payrolls survive a crash in the middle of GeneratePayrolls. The payments service
 * runs as a child process over a province ledger of many communes (April closed with unpaid
 * lines, then retroactive changes and deaths). The test holds the generation lock of one
 * commune, so the run stops there deterministically, and SIGKILLs the process: the communes
 * before it are whole, the rest absent. After a restart the rerun completes, regenerates the
 * drafts to identical lines, and the month equals a reference run without interruption.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { createGrpcClient } from '@posa/platform';
import { PayrollServiceClient } from '@posa/proto';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { UNITS_2025_FILE } from '@posa/units';
import { generateProvincePayrolls } from '../src/store/payroll-generation';
import { GENERATION_LOCK } from '../src/store/payroll-generation-store';
import { until } from './payroll-fixtures';
import {
  exited,
  monthSnapshot,
  prepareDatabase,
  provinceLedger,
  startServiceProcess,
  STAMP,
  type ServiceProcess,
} from './payroll-restart-fixtures';

const PROVINCE = '92';
const COMMUNES = 40;
const STOP_AT = 17; // index of the commune whose lock the test holds
const MAY = { year: 2026, month: 5 };

const communes = readFileSync(UNITS_2025_FILE, 'utf8')
  .split('\n')
  .map((line) => line.split(','))
  .filter((cells) => cells[0] === 'commune' && cells[5] === PROVINCE)
  .map((cells) => cells[1]!)
  .sort()
  .slice(0, COMMUNES);
const dbs: TestDatabase[] = [];
const pools: pg.Pool[] = [];
let service: ServiceProcess | undefined;
let userId: string | undefined;

afterAll(async () => {
  if (service) {
    service.child.kill('SIGTERM');
    await exited(service.child);
  }
  for (const pool of pools) await pool.end();
  for (const db of dbs) await db.drop();
  if (userId) await deleteUser(userId);
});

async function generateWithClient(port: number, token: string) {
  const client = createGrpcClient(PayrollServiceClient, `127.0.0.1:${port}`, {
    defaultDeadlineMs: 120_000,
  });
  try {
    return await client.call(
      'generatePayrolls',
      { unitCode: PROVINCE, month: MAY },
      { metadata: { authorization: `Bearer ${token}` } },
    );
  } finally {
    client.close();
  }
}

it('completes after a SIGKILL in the middle and matches an uninterrupted run', async () => {
  expect(communes).toHaveLength(COMMUNES);
  const ledger = provinceLedger(communes, 25);
  const reference = await createTestDatabase('payments_restart_ref');
  const crashed = await createTestDatabase('payments_restart');
  dbs.push(reference, crashed);
  const refPool = await prepareDatabase(reference, ledger);
  const pool = await prepareDatabase(crashed, ledger);
  pools.push(refPool, pool);
  await generateProvincePayrolls(refPool, PROVINCE, '2026-05', STAMP);
  const expected = await monthSnapshot(refPool, '2026-05');
  expect(expected.items.map((i) => i.kind)).toEqual(
    expect.arrayContaining(['current', 'arrears', 'recovery', 'carried_over']),
  );
  expect(new Set(expected.exceptions.map((e) => e.kind))).toEqual(
    new Set(['invalid_account', 'negative_net', 'deceased_unsettled']),
  );

  const username = `payments-restart-${randomBytes(3).toString('hex')}`;
  userId = await createUser({
    username,
    password: 'Restart-Test-2026',
    unitCode: PROVINCE,
    roles: ['officer'],
  });
  const token = await passwordGrant(username, 'Restart-Test-2026');
  const env = {
    DATABASE_URL: crashed.url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: await realmUrl(),
    EVENTS_TRANSPORT: 'in-process',
  };

  // Hold the lock of one commune: the run generates the communes before it, then waits.
  const holder = await pool.connect();
  await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [
    GENERATION_LOCK,
    `${communes[STOP_AT]}:2026-05`,
  ]);
  service = await startServiceProcess(env);
  const run = generateWithClient(service.grpcPort, token).then(
    () => 'finished',
    () => 'failed',
  );
  const mayCount = async () =>
    Number(
      (await pool.query("SELECT count(*) AS n FROM payroll WHERE month = '2026-05-01'")).rows[0].n,
    );
  await until('the run to reach the held commune', async () => {
    const waiting = await pool.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = hashtext($1)::oid",
      [`${communes[STOP_AT]}:2026-05`],
    );
    return waiting.rowCount === 1 && (await mayCount()) === STOP_AT;
  });
  service.child.kill('SIGKILL');
  expect(await exited(service.child)).toBe('SIGKILL');
  expect(await run).toBe('failed');
  await holder.query('SELECT pg_advisory_unlock_all()');
  holder.release();

  // Whole communes only: those before the held one, each adding up; none after.
  const partial = await monthSnapshot(pool, '2026-05');
  expect(partial.payrolls.map((p) => p.commune_code)).toEqual(communes.slice(0, STOP_AT));
  expect(partial.payrolls).toEqual(expected.payrolls.slice(0, STOP_AT));
  const before = (
    await pool.query(
      "SELECT l.id, l.case_id, l.total_vnd FROM payroll_line l JOIN payroll p ON p.id = l.payroll_id WHERE p.month = '2026-05-01' ORDER BY l.id",
    )
  ).rows;

  service = await startServiceProcess(env);
  const rerun = await generateWithClient(service.grpcPort, token);
  expect([rerun.payrolls.length, rerun.regenerated, rerun.skipped]).toEqual([
    COMMUNES,
    COMMUNES,
    [],
  ]);
  expect(await monthSnapshot(pool, '2026-05')).toEqual(expected);
  const generations = await pool.query(
    "SELECT commune_code, generation FROM payroll WHERE month = '2026-05-01' ORDER BY commune_code",
  );
  expect(generations.rows.map((r) => r.generation)).toEqual(
    communes.map((_c, i) => (i < STOP_AT ? 2 : 1)),
  );
  // The drafts generated before the crash were regenerated to identical lines, ids included.
  const kept = new Set(before.map((r) => r.id));
  const after = (
    await pool.query(
      "SELECT l.id, l.case_id, l.total_vnd FROM payroll_line l JOIN payroll p ON p.id = l.payroll_id WHERE p.month = '2026-05-01' ORDER BY l.id",
    )
  ).rows;
  expect(after.filter((r) => kept.has(r.id))).toEqual(before);
});
