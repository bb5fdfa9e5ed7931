/**
 * File-system side of the embedded PostgreSQL launcher: the data directory's ownership
 * when we run as root, and the lock file (postmaster.pid) left behind by a crash.
 */
import { execFile } from 'node:child_process';
import {
  chmod,
  chown,
  mkdir,
  readFile,
  readdir,
  readlink,
  realpath,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DbLogger } from './logger';

const execFileAsync = promisify(execFile);

/** The account PostgreSQL runs as when this process is root. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root the server runs as the `postgres` account. */
export async function lookupRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  } catch {
    throw new Error(
      'running as root needs a "postgres" system account for the embedded PostgreSQL (useradd postgres)',
    );
  }
}

/** True when `dataDir` already holds a cluster (initdb wrote PG_VERSION). */
export async function hasCluster(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the data directory. As root it belongs to `runAs`; its parent is given to
 * `runAs` too when that account could not otherwise enter it (e.g. a 0700 temp dir).
 */
export async function prepareDataDir(
  dataDir: string,
  runAs: RunAs | undefined,
  logger: DbLogger,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  const parent = path.dirname(dataDir);
  if (!(await canEnter(parent, runAs))) {
    await chown(parent, runAs.uid, runAs.gid);
    logger.info({ directory: parent }, 'gave the data directory parent to the postgres account');
  }
  for (let dir = path.dirname(parent); ; dir = path.dirname(dir)) {
    if (!(await canEnter(dir, runAs))) {
      throw new Error(
        `the postgres account cannot enter ${dir}; choose a data directory under a readable path`,
      );
    }
    if (path.dirname(dir) === dir) break;
  }
  const info = await stat(dataDir);
  if (info.uid !== runAs.uid) {
    if (await hasCluster(dataDir)) {
      throw new Error(
        `data directory ${dataDir} holds a cluster owned by uid ${info.uid}, not the postgres account`,
      );
    }
    await chown(dataDir, runAs.uid, runAs.gid);
  }
  await chmod(dataDir, 0o700);
}

async function canEnter(dir: string, runAs: RunAs): Promise<boolean> {
  const info = await stat(dir);
  if (info.uid === runAs.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === runAs.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/** The postmaster pid from the first line of postmaster.pid, or undefined when unreadable. */
export function parsePostmasterPid(content: string): number | undefined {
  const first = content.split('\n', 1)[0]?.trim() ?? '';
  if (!/^\d+$/.test(first)) return undefined;
  const pid = Number(first);
  return pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Processes whose working directory is the data directory: a PostgreSQL server and its
 * backends chdir there. Linux only (/proc); elsewhere returns undefined (unknown).
 */
export async function findClusterProcesses(dataDir: string): Promise<number[] | undefined> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return undefined;
  }
  const target = await realpath(dataDir);
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => undefined);
    if (cwd === target) pids.push(Number(entry));
  }
  return pids;
}

/**
 * Makes a postmaster.pid left by a crashed server harmless. A live server on this data
 * directory is an error. A dead pid (or a pid reused by an unrelated process) is removed,
 * after waiting for the dead server's backends to exit so nothing still uses its memory.
 */
export async function clearStaleLock(
  dataDir: string,
  logger: DbLogger,
  waitMs = 15_000,
): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const content = await readFile(lockFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const pid = parsePostmasterPid(content);
  if (pid !== undefined && isAlive(pid)) {
    const cluster = await findClusterProcesses(dataDir);
    if (cluster === undefined || cluster.includes(pid)) {
      throw new Error(`PostgreSQL is already running on data directory ${dataDir} (pid ${pid})`);
    }
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const leftovers = (await findClusterProcesses(dataDir)) ?? [];
    if (leftovers.length === 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `processes of a stopped PostgreSQL still use ${dataDir} (pids ${leftovers.join(', ')})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await unlink(lockFile).catch(() => undefined);
  logger.warn(
    { dataDir, stalePid: pid ?? null },
    'removed stale postmaster.pid left by a stopped server',
  );
}
