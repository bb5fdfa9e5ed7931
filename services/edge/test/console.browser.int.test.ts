/**
 * The staff console in a real browser (Debian's Chromium driven by playwright-core): a
 * commune officer signs in on the real Keycloak page, reads the home page in Vietnamese,
 * switches to English, searches the unit tree without diacritics, is refused a village in
 * another commune, and signs out. Screenshots at 1366x768 go to POSA_SCREENSHOT_DIR (kept)
 * or a temporary directory (removed).
 */
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { PASSWORD, startEdgeHarness, type EdgeHarness } from './harness';

const OWN_COMMUNE = '00004'; // Phường Ba Đình
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà

let h: EdgeHarness;
let context: BrowserContext;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  h = await startEdgeHarness('browser');
  shotsDir =
    process.env['POSA_SCREENSHOT_DIR'] ?? (await mkdtemp(path.join(os.tmpdir(), 'posa-shots-')));
  await mkdir(shotsDir, { recursive: true });
  browser = await launchTestBrowser({ locale: 'vi-VN' });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (shotsDir && !keepShots) await rm(shotsDir, { recursive: true, force: true });
});

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

it('lets a commune officer sign in, browse the units and be refused another commune', async () => {
  const username = await h.createStaff('officer', OWN_COMMUNE, ['officer']);
  const page = await context.newPage();

  // Signed out: the console sends the browser to the real Keycloak login page.
  await page.goto(`${h.baseUrl}/`);
  expect(page.url().startsWith(`${h.keycloakUrl}/realms/posa/protocol/openid-connect/auth`)).toBe(
    true,
  );
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${h.baseUrl}/`), page.click('#kc-login')]);

  // Home, in Vietnamese by default.
  expect(await page.getAttribute('html', 'lang')).toBe('vi');
  expect(await text(page, 'unit-name')).toBe('Phường Ba Đình');
  expect(await text(page, 'tier')).toBe('Xã');
  expect(await text(page, 'roles')).toBe('Cán bộ nghiệp vụ');
  await page.screenshot({ path: path.join(shotsDir, 'home-vi.png') });

  // English switch, kept for the next pages.
  await page.click('a[hreflang="en"]');
  await page.waitForURL(`${h.baseUrl}/`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await text(page, 'tier')).toBe('Commune');
  expect(await text(page, 'roles')).toBe('Officer');

  // Unit tree: provinces, then a search typed without diacritics.
  await page.click('nav.main >> text=Administrative units');
  await page.waitForURL(`${h.baseUrl}/units`);
  expect(await page.getByTestId('provinces').getByRole('link').count()).toBe(34);
  await page.screenshot({ path: path.join(shotsDir, 'units-en.png') });
  await page.fill('#q', 'ngoc ha');
  await Promise.all([
    page.waitForURL(/\/units\?q=ngoc\+ha/),
    page.click('[data-testid="search-form"] button'),
  ]);
  const result = page.getByTestId('search-results').getByRole('link', { name: 'Phường Ngọc Hà' });
  await Promise.all([page.waitForURL(`${h.baseUrl}/units/${OTHER_COMMUNE}`), result.click()]);
  expect(await text(page, 'unit-heading')).toBe('Phường Ngọc Hà');
  await page.screenshot({ path: path.join(shotsDir, 'unit-en.png'), fullPage: true });

  // A village in another commune is refused, with the reason above the form.
  await page.fill('#village-name', 'Tổ dân phố Mới');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/units/${OTHER_COMMUNE}/villages`)),
    page.click('[data-testid="village-form"] button[type="submit"]'),
  ]);
  expect(response.status()).toBe(403);
  const alert = page.getByTestId('village-form').getByRole('alert');
  expect(await alert.textContent()).toContain('You are not allowed to do this.');
  expect(await page.inputValue('#village-name')).toBe('Tổ dân phố Mới');
  await page.screenshot({ path: path.join(shotsDir, 'refusal-en.png'), fullPage: true });

  // Sign out: ends the Keycloak session too, then the console asks to sign in again.
  await Promise.all([
    page.waitForURL(`${h.baseUrl}/signed-out`),
    page.click('nav.main button[type="submit"]'),
  ]);
  expect(await page.textContent('h1')).toBe('You are signed out');
  await page.goto(`${h.baseUrl}/`);
  expect(page.url().startsWith(`${h.keycloakUrl}/realms/posa/protocol/openid-connect/auth`)).toBe(
    true,
  );
  await page.close();
});
