/** Starts a throw-away embedded PostgreSQL for one integration test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src';

/** A port the kernel just handed out on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A throw-away server needs no protection against power loss (a killed process loses nothing with these). */
export const FAST_SETTINGS = { fsync: 'off', full_page_writes: 'off' };

export interface TestServer {
  root: string;
  dataDir: string;
  port: number;
  /** The running server; tests that restart it assign the new handle here. */
  server: EmbeddedPostgresHandle;
  /** Stops the current server and removes its files. */
  dispose(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'posa-db-test-'));
  const dataDir = path.join(root, 'pg');
  const port = await freePort();
  const test: TestServer = {
    root,
    dataDir,
    port,
    server: await startEmbeddedPostgres({ dataDir, port, settings: FAST_SETTINGS }),
    dispose: async () => {
      await test.server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
  return test;
}
