/**
 * The composition of `npm start` (scripts/dev/embedded-stack.ts) booted in process on free
 * ports with a fresh data directory; Chromium signs in as the demo commune officer through
 * the edge and the provider's sign-in page and lands on the console home.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { createLogger } from '@posa/platform';
import { DEMO_ACCOUNTS } from '../../../scripts/dev/demo-accounts';
import { startEmbeddedStack, type RunningStack } from '../../../scripts/dev/embedded-stack';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let testBrowser: TestBrowser | undefined;
let stack: RunningStack;
let browser: BrowserContext;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'posa-embedded-'));
  stack = await startEmbeddedStack({
    dataDir,
    ports: {
      postgres: await freePort(),
      identityGrpc: 0,
      identityHttp: 0,
      identityMetrics: 0,
      devidp: 0,
      edge: 0,
      edgeMetrics: 0,
    },
    logger: createLogger({ service: 'test', level: 'silent' }),
    logLevel: 'silent',
  });
  testBrowser = await launchTestBrowser();
  browser = testBrowser.context;
}, 240_000);

afterAll(async () => {
  await testBrowser?.close();
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('signs the demo commune officer in through the development provider', async () => {
  expect(stack.demoAccountsCreated).toBe(DEMO_ACCOUNTS.length);
  const officer = DEMO_ACCOUNTS.find((a) => a.username === 'demo.tq.xa')!;
  const page = await browser.newPage();
  await page.goto(`${stack.edgeUrl}/login`);
  expect(page.url().startsWith(`${stack.devidpUrl}/realms/posa/interaction/`)).toBe(true);
  await page.fill('#username', officer.username);
  await page.fill('#password', 'Not-The-Password-1');
  await page.click('button[value=login]');
  await expect(page.locator('[role=alert]').textContent()).resolves.toContain('không đúng');

  await page.fill('#password', officer.password);
  await page.click('button[value=login]');
  await page.waitForURL(`${stack.edgeUrl}/`);
  const main = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
  expect(main).toContain('Phường Hà Giang 2');
  expect(main).toContain('00691');
  expect(main).toContain('Cán bộ nghiệp vụ');
});
