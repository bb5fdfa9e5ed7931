// npm run charts:check — lints, renders and schema-validates every chart under charts/, offline.
// For each chart (and the posa-lib render fixture under charts/posa-lib/tests/):
//   1. file:// dependencies are built with `helm dependency build --skip-refresh` (no remote
//      repositories are allowed), in a temporary copy of charts/ so the tree stays clean;
//   2. `helm lint --strict` with each ci/*-values.yaml scenario (library charts: once, no values);
//   3. `helm template` of each scenario, every object validated with scripts/lib/k8s-validate.cjs.
// Exits 1 on any problem, naming chart, scenario, object and schema error.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHelm, helmEnv, runHelm } from './lib/helm.mjs';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const { validateManifests } = require('./lib/k8s-validate.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RELEASE = 'posa';
const NAMESPACE = 'posa';

/** Chart directories relative to charts/: each chart, then each fixture under <chart>/tests/. */
function discoverCharts(chartsDir) {
  const found = [];
  const subdirs = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
      : [];
  for (const name of subdirs(chartsDir)) {
    if (existsSync(path.join(chartsDir, name, 'Chart.yaml'))) found.push(name);
    const tests = path.join(chartsDir, name, 'tests');
    for (const fixture of subdirs(tests)) {
      if (existsSync(path.join(tests, fixture, 'Chart.yaml'))) found.push(`${name}/tests/${fixture}`);
    }
  }
  return found;
}

/** The chart's ci/*.yaml scenario files, sorted. */
function scenarios(chartDir) {
  const ci = path.join(chartDir, 'ci');
  if (!existsSync(ci)) return [];
  return readdirSync(ci)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: f.replace(/(-values)?\.ya?ml$/, ''), file: path.join(ci, f) }));
}

function helmFailure(res) {
  return `${res.stdout}\n${res.stderr}`.trim().split('\n').filter(Boolean).slice(-15).join('\n    ');
}

/** Checks one chart; returns { problems: string[], summary: string }. */
function checkChart(helm, env, chartsDir, rel) {
  const dir = path.join(chartsDir, rel);
  const meta = yaml.load(readFileSync(path.join(dir, 'Chart.yaml'), 'utf8'));
  const label = meta.name || rel;
  const problems = [];
  const fail = (scenario, msg) => problems.push(`[${label}${scenario ? `/${scenario}` : ''}] ${msg}`);

  const deps = meta.dependencies || [];
  for (const dep of deps) {
    if (!String(dep.repository || '').startsWith('file://')) {
      fail(null, `dependency ${dep.name}: repository must be file:// (checks run offline), got ${dep.repository}`);
    }
  }
  if (problems.length > 0) return { problems, summary: `${label}: dependencies not offline` };
  if (deps.length > 0) {
    const res = runHelm(helm, ['dependency', 'build', '--skip-refresh', dir], env);
    if (!res.ok) {
      fail(null, `helm dependency build failed:\n    ${helmFailure(res)}`);
      return { problems, summary: `${label}: dependency build failed` };
    }
  }

  if (meta.type === 'library') {
    const res = runHelm(helm, ['lint', '--strict', dir], env);
    if (!res.ok) fail(null, `helm lint --strict failed:\n    ${helmFailure(res)}`);
    return { problems, summary: `${label} (library): lint --strict ok; rendered through its tests/ fixtures` };
  }

  const list = scenarios(dir);
  if (list.length === 0) fail(null, 'no ci/*-values.yaml scenario; every chart needs at least one');
  let objectCount = 0;
  const kinds = new Set();
  for (const { name, file } of list) {
    const lint = runHelm(helm, ['lint', '--strict', dir, '-f', file], env);
    if (!lint.ok) fail(name, `helm lint --strict failed:\n    ${helmFailure(lint)}`);
    const args = ['template', RELEASE, dir, '--namespace', NAMESPACE, '-f', file];
    const out = runHelm(helm, args, env);
    if (!out.ok) {
      fail(name, `helm template failed:\n    ${helmFailure(out)}`);
      continue;
    }
    const { objects, problems: invalid } = validateManifests(out.stdout);
    if (objects.length === 0) fail(name, 'helm template rendered no objects');
    for (const p of invalid) {
      for (const e of p.errors) fail(name, `${p.kind}/${p.name}: ${e}`);
    }
    objectCount += objects.length;
    objects.forEach((o) => kinds.add(o.kind));
  }
  const detail = `${list.length} scenario(s), ${objectCount} object(s) validated [${[...kinds].sort().join(', ')}]`;
  return { problems, summary: `${label}: lint --strict + template ok, ${detail}` };
}

function main() {
  const started = Date.now();
  const sourceCharts = path.join(ROOT, 'charts');
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
