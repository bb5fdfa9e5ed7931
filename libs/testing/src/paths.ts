import * as path from 'node:path';

/** Root of the repository (this file sits at libs/testing/{src,dist}/paths.*). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** State of the local infrastructure started by scripts/infra (pid files, logs, data). */
export const infraStateDir = path.join(repoRoot, '.posa', 'infra');

/** File written by scripts/infra/up.sh with the POSA_TEST_* variables of the local engines. */
export const infraEnvFile = path.join(infraStateDir, 'env');

/** Path of a script under scripts/infra. */
export function infraScript(name: string): string {
  return path.join(repoRoot, 'scripts', 'infra', name);
}
