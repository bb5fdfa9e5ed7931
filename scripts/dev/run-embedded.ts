// The process `npm start` supervises (scripts/start.ts): starts the embedded stack, prints
// one line per component and the demo accounts, and on SIGTERM or SIGINT stops the edge,
// the identity provider, cases, payments, households, identity and PostgreSQL in that order
// (bounded).
import path from 'node:path';
import { createLogger, type LogLevel } from '@posa/platform';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DEFAULT_PORTS, startEmbeddedStack, type StackPorts } from './embedded-stack';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}: must be a port number 1-65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

function printDemoAccounts(): void {
  console.log('');
  console.log(
    'Demo accounts (development only: these passwords are public, never use them elsewhere)',
  );
  const rows = DEMO_ACCOUNTS.map((a) => [a.username, a.password, a.unitLabel, a.roles.join(', ')]);
  const head = ['username', 'password', 'unit', 'roles'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const logLevel = (process.env.LOG_LEVEL ?? 'warn') as LogLevel;
  const log = createLogger({ service: 'posa-start', level: logLevel });
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = path.resolve(process.env.POSA_DATA_DIR ?? path.join(root, '.posa', 'data'));
  const ports: StackPorts = {
    postgres: portFrom('POSA_PG_PORT', DEFAULT_PORTS.postgres),
    identityGrpc: portFrom('POSA_IDENTITY_PORT', DEFAULT_PORTS.identityGrpc),
    identityHttp: portFrom('POSA_IDENTITY_HEALTH_PORT', DEFAULT_PORTS.identityHttp),
    identityMetrics: portFrom('POSA_IDENTITY_METRICS_PORT', DEFAULT_PORTS.identityMetrics),
    devidp: portFrom('POSA_DEVIDP_PORT', DEFAULT_PORTS.devidp),
    edge: portFrom('POSA_EDGE_PORT', DEFAULT_PORTS.edge),
    edgeMetrics: portFrom('POSA_EDGE_METRICS_PORT', DEFAULT_PORTS.edgeMetrics),
    householdsGrpc: portFrom('POSA_HOUSEHOLDS_PORT', DEFAULT_PORTS.householdsGrpc ?? 0),
    householdsHttp: portFrom('POSA_HOUSEHOLDS_HEALTH_PORT', DEFAULT_PORTS.householdsHttp ?? 0),
    householdsMetrics: portFrom(
      'POSA_HOUSEHOLDS_METRICS_PORT',
      DEFAULT_PORTS.householdsMetrics ?? 0,
    ),
    casesGrpc: portFrom('POSA_CASES_PORT', DEFAULT_PORTS.casesGrpc ?? 0),
    casesHttp: portFrom('POSA_CASES_HEALTH_PORT', DEFAULT_PORTS.casesHttp ?? 0),
    casesMetrics: portFrom('POSA_CASES_METRICS_PORT', DEFAULT_PORTS.casesMetrics ?? 0),
    paymentsGrpc: portFrom('POSA_PAYMENTS_PORT', DEFAULT_PORTS.paymentsGrpc ?? 0),
    paymentsHttp: portFrom('POSA_PAYMENTS_HEALTH_PORT', DEFAULT_PORTS.paymentsHttp ?? 0),
    paymentsMetrics: portFrom('POSA_PAYMENTS_METRICS_PORT', DEFAULT_PORTS.paymentsMetrics ?? 0),
  };

  let stopping = false;
  const running: { stop?: () => Promise<void> } = {};
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `\n${signal}: stopping edge, identity provider, cases, payments, households, identity, PostgreSQL ...`,
    );
    // Bounded: if anything hangs, leave anyway.
    setTimeout(() => {
      console.error('stop took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000).unref();
    // Still starting: main() stops the stack as soon as it is up (or failed).
    if (running.stop === undefined) return;
    void running.stop().then(() => {
      console.log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  console.log('Starting the POSA embedded default ...');
  const stack = await startEmbeddedStack(
    { dataDir, ports, logger: log, logLevel },
    (component, detail) => console.log(`  ${component.padEnd(10)} ${detail}`),
    (component, ms) => console.log(`  ${component.padEnd(10)} stopped (${ms} ms)`),
  );
  running.stop = stack.stop;
  if (stopping) {
    await stack.stop();
    process.exit(0);
  }
  printDemoAccounts();
  console.log('');
  console.log(`POSA is running: open ${stack.edgeUrl} and sign in with a demo account.`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
