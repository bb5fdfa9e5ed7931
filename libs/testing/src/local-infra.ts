import { spawnSync } from 'node:child_process';
import { infraScript, infraStateDir } from './paths';

/** Components of the local stack, as named by scripts/infra (up.sh, down.sh, status.sh). */
export const LOCAL_COMPONENTS = ['postgres', 'kafka', 'keycloak', 'redis'] as const;
export type LocalComponent = (typeof LOCAL_COMPONENTS)[number];

const UP_TIMEOUT_MS = 10 * 60_000;

/** Components of the local stack that are running now. */
export function runningLocalComponents(): LocalComponent[] {
  const result = spawnSync('bash', [infraScript('status.sh'), '--running'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  const names = (result.stdout ?? '').split('\n').map((line) => line.trim());
  return LOCAL_COMPONENTS.filter((component) => names.includes(component));
}

/** Runs scripts/infra/up.sh (idempotent), its output going to stderr. */
export function localUp(): void {
  runScript('up.sh', []);
}

/** Runs scripts/infra/down.sh for the given components. */
export function localDown(components: readonly LocalComponent[]): void {
  if (components.length > 0) runScript('down.sh', components);
}

function runScript(name: string, args: readonly string[]): void {
  const result = spawnSync('bash', [infraScript(name), ...args], {
    stdio: ['ignore', 2, 2],
    timeout: UP_TIMEOUT_MS,
  });
  if (result.error)
    throw new Error(`scripts/infra/${name}: ${result.error.message}; logs in ${infraStateDir}`);
  if (result.status !== 0) {
    throw new Error(
      `scripts/infra/${name} ${args.join(' ')} exited with status ${String(result.status)}; ` +
        `its output above names the failing engine and its log file (under ${infraStateDir})`,
    );
  }
}
