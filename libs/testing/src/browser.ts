/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no browser is ever
 * downloaded; scripts/infra/install-browser.sh installs /usr/bin/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless run on a closed network: without the background-networking ones
 * Chromium keeps trying to reach its update and sync hosts.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh profile (no cookies or cache from earlier runs) and the
 * 1366×768 laptop screen the staff console is made for.
 */
export async function launchTestBrowser(options: { locale?: string } = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'posa-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1366, height: 768 },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
