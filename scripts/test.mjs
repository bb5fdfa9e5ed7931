#!/usr/bin/env node
// `npm test`: everything CI checks, in one command, ending with the plain summary line
// "N passed, N failed[, N skipped]" taken from jest's results.
//
//   1. type-check and build every package (tsc -b), then type-check tests and scripts
//   2. the committed libs/proto matches proto/ (regenerate + diff)
//   3. lint and formatting (eslint, prettier)
//   4. Helm charts: lint, render, schema-validate offline
//   5. jest: unit tests, then integration tests against real engines (the integration
//      project's global setup brings up the local stack when no URLs are given, and takes
//      down what it started)
//
// Extra arguments go to jest (e.g. `npm test -- libs/db`); `--only-jest` skips steps 1-4.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const onlyJest = args.includes('--only-jest');
const jestArgs = args.filter((a) => a !== '--only-jest');

const failedSteps = [];
function step(name, command, commandArgs) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failedSteps.push(name);
    console.log(`=== ${name}: FAILED (${seconds} s)`);
  } else {
    console.log(`=== ${name}: ok (${seconds} s)`);
  }
}

if (!onlyJest) {
  step('type-check and build', bin('tsc'), ['-b']);
  step('type-check tests and scripts', bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']);
  step('generated code is current', 'bash', ['scripts/check-generated.sh']);
  step('eslint', bin('eslint'), ['.']);
  step('prettier', bin('prettier'), ['--check', '.']);
  step('helm charts', process.execPath, ['scripts/charts-check.mjs']);
}

// Unit tests run in parallel workers. Integration tests run one file at a time: they share
// one Kafka broker, and the broker-restart test must not pull it from under another file.
const outDir = mkdtempSync(path.join(tmpdir(), 'posa-jest-'));
const summary = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
const runs = [
  ['jest: unit tests', ['--selectProjects', 'unit']],
  ['jest: integration tests', ['--selectProjects', 'integration', '--runInBand']],
];
for (const [name, projectArgs] of runs) {
  const outFile = path.join(outDir, `${runs.findIndex((r) => r[0] === name)}.json`);
  step(name, bin('jest'), [
    '--ci',
    '--json',
    '--passWithNoTests',
    `--outputFile=${outFile}`,
    ...projectArgs,
    ...jestArgs,
  ]);
  try {
    const results = JSON.parse(readFileSync(outFile, 'utf8'));
    summary.passed += results.numPassedTests;
    summary.failed += results.numFailedTests;
    summary.skipped += results.numPendingTests + results.numTodoTests;
    // A suite that fails to load (syntax error, failed beforeAll) has no failed *test*.
    summary.suitesFailed += results.numRuntimeErrorTestSuites ?? 0;
  } catch {
    failedSteps.push(`${name}: results unreadable`);
  }
}
rmSync(outDir, { recursive: true, force: true });

if (summary.suitesFailed > 0) failedSteps.push(`${summary.suitesFailed} test suites failed to run`);
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join('; ')}`);
const line = `${summary.passed} passed, ${summary.failed + summary.suitesFailed} failed`;
console.log(summary.skipped > 0 ? `${line}, ${summary.skipped} skipped` : line);
process.exit(failedSteps.length > 0 || summary.failed > 0 ? 1 : 0);
