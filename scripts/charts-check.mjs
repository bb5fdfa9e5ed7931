// npm run charts:check — lints, renders and validates every chart under charts/, offline.
// For each chart (and each render fixture under charts/<chart>/tests/):
//   1. file:// dependencies are built with `helm dependency build --skip-refresh` (no remote
//      repositories are allowed), in a temporary copy of charts/ so the tree stays clean;
//   2. `helm lint --strict` with each ci/*-values.yaml scenario (library charts: once, no values);
//   3. `helm template` of each scenario; every object is validated against the Kubernetes schemas
//      (scripts/lib/k8s-validate.cjs) and POSA's conventions (scripts/lib/k8s-policy.cjs);
//   4. each ci-refused/*-values.yaml scenario must make `helm template` fail with the text given
//      on its first line as `# expect: <text>` (proves the charts' guards work).
// Exits 1 on any problem, naming chart, scenario, object and error.
// Usage: node scripts/charts-check.mjs [--charts <dir>]   (default: <repo>/charts)
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHelm, helmEnv, runHelm } from './lib/helm.mjs';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const { validateManifests } = require('./lib/k8s-validate.cjs');
const { checkPolicies } = require('./lib/k8s-policy.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RELEASE = 'posa';
const NAMESPACE = 'posa';

function subdirs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Chart directories relative to charts/: each chart, then each fixture under <chart>/tests/. */
function discoverCharts(chartsDir) {
  const found = [];
  for (const name of subdirs(chartsDir)) {
    if (existsSync(path.join(chartsDir, name, 'Chart.yaml'))) found.push(name);
    const tests = path.join(chartsDir, name, 'tests');
    for (const fixture of subdirs(tests)) {
      if (existsSync(path.join(tests, fixture, 'Chart.yaml')))
        found.push(`${name}/tests/${fixture}`);
    }
  }
  return found;
}

/** The *.yaml scenario files of <chartDir>/<folder>, sorted. */
function scenarios(chartDir, folder) {
  const dir = path.join(chartDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/(-values)?\.ya?ml$/, ''), file: path.join(dir, f) }));
}

function helmFailure(res) {
  const lines = `${res.stdout}\n${res.stderr}`.trim().split('\n').filter(Boolean);
  return lines.slice(-15).join('\n    ');
}

/** Lints and renders one scenario; adds problems through fail(); returns the objects rendered. */
function checkScenario(helm, env, dir, { name, file }, fail) {
  const lint = runHelm(helm, ['lint', '--strict', dir, '-f', file], env);
  if (!lint.ok) fail(name, `helm lint --strict failed:\n    ${helmFailure(lint)}`);
  const out = runHelm(helm, ['template', RELEASE, dir, '-n', NAMESPACE, '-f', file], env);
  if (!out.ok) {
    fail(name, `helm template failed:\n    ${helmFailure(out)}`);
    return [];
  }
  const { objects, docs, problems } = validateManifests(out.stdout);
  problems.push(...checkPolicies(docs));
  if (objects.length === 0 && problems.length === 0) fail(name, 'rendered no objects');
  for (const p of problems) {
    for (const e of p.errors) fail(name, `${p.kind}/${p.name}: ${e}`);
  }
  return objects;
}

/** Renders one refused scenario, which must fail with the text of its "# expect:" line. */
function checkRefused(helm, env, dir, { name, file }, fail) {
  const first = readFileSync(file, 'utf8').split('\n')[0];
  const match = /^#\s*expect:\s*(.+)$/.exec(first);
  if (!match) return fail(name, 'refused scenario needs a first line "# expect: <error text>"');
  const out = runHelm(helm, ['template', RELEASE, dir, '-n', NAMESPACE, '-f', file], env);
  if (out.ok) return fail(name, `rendered, but should fail with "${match[1].trim()}"`);
  if (!out.stderr.includes(match[1].trim())) {
    fail(name, `failed without "${match[1].trim()}":\n    ${helmFailure(out)}`);
  }
}

/** Builds the chart's file:// dependencies; returns false (after fail()) when it cannot. */
function buildDependencies(helm, env, dir, deps, fail) {
  const remote = deps.filter((d) => !String(d.repository || '').startsWith('file://'));
  for (const d of remote) {
    fail(null, `dependency ${d.name}: repository must be file:// (offline), got ${d.repository}`);
  }
  if (remote.length > 0) return false;
  if (deps.length === 0) return true;
  const res = runHelm(helm, ['dependency', 'build', '--skip-refresh', dir], env);
  if (!res.ok) fail(null, `helm dependency build failed:\n    ${helmFailure(res)}`);
  return res.ok;
}

/** Checks one chart; returns { problems: string[], summary: string }. */
function checkChart(helm, env, chartsDir, rel) {
  const dir = path.join(chartsDir, rel);
  const meta = yaml.load(readFileSync(path.join(dir, 'Chart.yaml'), 'utf8'));
  const label = meta.name || rel;
  const problems = [];
  const fail = (scenario, msg) => {
    problems.push(`[${label}${scenario ? `/${scenario}` : ''}] ${msg}`);
  };
  if (!buildDependencies(helm, env, dir, meta.dependencies || [], fail)) {
    return { problems, summary: `${label}: dependencies could not be built` };
  }
  if (meta.type === 'library') {
    const res = runHelm(helm, ['lint', '--strict', dir], env);
    if (!res.ok) fail(null, `helm lint --strict failed:\n    ${helmFailure(res)}`);
    const verdict = res.ok ? 'lint --strict ok' : 'lint failed';
    return {
      problems,
      summary: `${label} (library): ${verdict}; rendered through its tests/ fixtures`,
    };
  }
  const list = scenarios(dir, 'ci');
  if (list.length === 0) fail(null, 'no ci/*-values.yaml scenario; every chart needs at least one');
  let count = 0;
  const kinds = new Set();
  for (const scenario of list) {
    const objects = checkScenario(helm, env, dir, scenario, fail);
    count += objects.length;
    objects.forEach((o) => kinds.add(o.kind));
  }
  const refused = scenarios(dir, 'ci-refused');
  for (const scenario of refused) checkRefused(helm, env, dir, scenario, fail);
  const verdict =
    problems.length === 0 ? 'lint, render, validation ok' : `${problems.length} problem(s)`;
  const detail =
    `${list.length} scenario(s), ${count} object(s) [${[...kinds].sort().join(', ')}]` +
    (refused.length > 0 ? `, ${refused.length} refused scenario(s)` : '');
  return { problems, summary: `${label}: ${verdict}; ${detail}` };
}

function main() {
  const started = Date.now();
  const flag = process.argv.indexOf('--charts');
  const sourceCharts =
    flag > 0 ? path.resolve(process.argv[flag + 1] || '') : path.join(ROOT, 'charts');
  const charts = discoverCharts(sourceCharts);
  if (charts.length === 0) {
    console.error(`charts:check: no chart found under ${sourceCharts}`);
    return 1;
  }
  const { helm, how } = ensureHelm(ROOT);
  const work = mkdtempSync(path.join(os.tmpdir(), 'posa-charts-'));
  try {
    const chartsDir = path.join(work, 'charts');
    // Built dependency archives are never taken from the tree: they are rebuilt here.
    cpSync(sourceCharts, chartsDir, { recursive: true, filter: (src) => !src.endsWith('.tgz') });
    const env = helmEnv(path.join(work, 'helm-home'));
    const version = runHelm(helm, ['version', '--short'], env).stdout.trim();
    console.log(`charts:check: helm ${version} (${how}), ${charts.length} chart(s)`);
    const problems = [];
    for (const rel of charts) {
      const result = checkChart(helm, env, chartsDir, rel);
      problems.push(...result.problems);
      console.log(`${result.problems.length === 0 ? 'ok  ' : 'FAIL'} ${result.summary}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length > 0) {
      console.error(`\ncharts:check: ${problems.length} problem(s):`);
      for (const p of problems) console.error(`  ${p}`);
      console.error(`charts:check: FAILED in ${seconds}s`);
      return 1;
    }
    console.log(`charts:check: all ${charts.length} chart(s) passed in ${seconds}s`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
