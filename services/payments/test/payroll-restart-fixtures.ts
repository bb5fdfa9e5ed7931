/**
 * The payroll-restart scenario's data and helpers: a province ledger (many communes, with
 * April closed, some lines unpaid, retroactive changes and deaths afterwards) written
 * identically into any number of databases, the payments service as a child process, and a
 * snapshot of a month's payrolls that ignores ids and generation counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { createPool, runMigrations } from '@posa/db';
import { createLogger } from '@posa/platform';
import type { TestDatabase } from '@posa/testing';
import { MIGRATIONS_DIR } from '../src/app';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import type { LedgerEvent } from '../src/ledger/ledger-event';
import { generateProvincePayrolls } from '../src/store/payroll-generation';
import { entitlement } from './payroll-fixtures';

export const STAMP = {
  actorId: 'restart-test',
  actorUnitCode: '92',
  sourceAddress: '',
  at: new Date(),
};

export interface ProvinceLedger {
  opening: LedgerEvent[];
  /** Case ids whose April line comes back unpaid. */
  unpaid: string[];
  /** Changes decided after April was closed. */
  later: LedgerEvent[];
}

/** `cases` cases in each commune, the same events for every database. */
export function provinceLedger(communes: readonly string[], cases: number): ProvinceLedger {
  const ledger: ProvinceLedger = { opening: [], unpaid: [], later: [] };
  for (const communeCode of communes) {
    for (let j = 0; j < cases; j++) {
      const amountVnd = 500_000 + 125_000 * (j % 5);
      const bank = j % 10 === 9 ? 'ZZZ' : 'VBSP';
      const first = entitlement({
        communeCode,
        provinceCode: '92',
        fromMonth: '2026-04',
        amountVnd,
        channel: j % 10 >= 8 ? 'bank_transfer' : j % 10 === 7 ? 'post_office' : 'cash_at_commune',
        bankCode: j % 10 >= 8 ? bank : '',
        accountNumber: j % 10 >= 8 ? '1234567890' : '',
        citizenId: `092150${String(100000 + j).slice(-6)}`,
      });
      ledger.opening.push(first);
      const base = { ...first, eventId: randomUUID(), sequence: 2 };
      if (j % 6 === 1) ledger.unpaid.push(first.caseId);
      if (j % 7 === 3) {
        ledger.later.push({
          ...base,
          segments: [{ ...first.segments[0]!, amountVnd: amountVnd + 250_000 }],
        });
      } else if (j % 11 === 5 || j % 11 === 8) {
        // Lowered from April: a recovery (thu hồi) netted in May, or larger than May (negative).
        const lowered = j % 11 === 5 ? 100_000 : amountVnd - 50_000;
        ledger.later.push({ ...base, segments: [{ ...first.segments[0]!, amountVnd: lowered }] });
      }
      if (j % 13 === 12) {
        ledger.later.push({
          change: 'death',
          eventId: randomUUID(),
          caseId: first.caseId,
          communeCode,
          provinceCode: '92',
          effectiveMonth: '2026-05',
        });
      }
    }
  }
  return ledger;
}

/** Migrates the database and brings it to May: April generated, closed, results, changes. */
export async function prepareDatabase(db: TestDatabase, ledger: ProvinceLedger): Promise<pg.Pool> {
  const logger = createLogger({ service: 'payments-test', level: 'silent' });
  const pool = createPool({ url: db.url, max: 4, applicationName: 'payments-test', logger });
  await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
  await applyLedgerBatch(pool, ledger.opening);
  await generateProvincePayrolls(pool, '92', '2026-04', STAMP);
  await pool.query(
    `UPDATE payroll SET status = 'approved', approved_by = 'restart-test', approved_at = now(), version = version + 1`,
  );
  await pool.query(
    `UPDATE payroll SET status = 'closed', closed_by = 'restart-test', closed_at = now(), version = version + 1`,
  );
  await pool.query(
    `UPDATE payroll_line SET outcome = 'unpaid', outcome_reason = 'không liên lạc được'
      WHERE case_id = ANY($1::uuid[])`,
    [ledger.unpaid],
  );
  await applyLedgerBatch(pool, ledger.later);
  return pool;
}

/** The payrolls of a month with everything but ids, generation counts and times. */
export async function monthSnapshot(pool: pg.Pool, month: string) {
  const rows = async (sql: string) => (await pool.query(sql, [`${month}-01`])).rows;
  return {
    payrolls: await rows(
      `SELECT commune_code, status, lines, current_vnd, arrears_vnd, recovery_vnd,
              carried_over_vnd, total_vnd
         FROM payroll WHERE month = $1 ORDER BY commune_code`,
    ),
    channels: await rows(
      `SELECT p.commune_code, c.channel, c.lines, c.total_vnd, c.current_vnd, c.arrears_vnd,
              c.recovery_vnd, c.carried_over_vnd
         FROM payroll_channel_total c JOIN payroll p ON p.id = c.payroll_id
        WHERE p.month = $1 ORDER BY p.commune_code, c.channel`,
    ),
    lines: await rows(
      `SELECT p.commune_code, l.case_id, l.channel, l.bank_code, l.account_number, l.total_vnd,
              l.outcome
         FROM payroll_line l JOIN payroll p ON p.id = l.payroll_id
        WHERE p.month = $1 ORDER BY p.commune_code, l.case_id`,
    ),
    items: await rows(
      `SELECT i.case_id, i.for_month::text, i.kind, i.amount_vnd
         FROM payroll_item i JOIN payroll p ON p.id = i.payroll_id
        WHERE p.month = $1 ORDER BY i.case_id, i.for_month, i.kind`,
    ),
    exceptions: await rows(
      `SELECT p.commune_code, e.case_id, e.kind, e.amount_vnd, e.detail
         FROM payroll_exception e JOIN payroll p ON p.id = e.payroll_id
        WHERE p.month = $1 ORDER BY p.commune_code, e.case_id`,
    ),
  };
}

export interface ServiceProcess {
  child: ChildProcess;
  grpcPort: number;
}

/** Starts `node --import tsx services/payments/src/main.ts` and waits for its gRPC port. */
export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const main = path.join(__dirname, '..', 'src', 'main.ts');
  const child = spawn(process.execPath, ['--conditions=posa-src', '--import', 'tsx', main], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`payments exited before it started (${code ?? signal})`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        let entry: { msg?: string; grpcPort?: number };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue;
        }
        if (entry.msg === 'payments started' && typeof entry.grpcPort === 'number') {
          child.removeAllListeners('exit');
          resolve({ child, grpcPort: entry.grpcPort });
        }
      }
    });
  });
}

/** Resolves with the signal the child ended with. */
export function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}
