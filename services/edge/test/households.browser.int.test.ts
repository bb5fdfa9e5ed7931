/**
 * Households in a real browser (Debian's Chromium driven by playwright-core): a commune
 * officer signs in on Keycloak's page, registers a household with two members (a refused
 * citizen ID first, shown next to the field), finds the spouse by a name typed without
 * diacritics, opens the household and its history, and views it as of a day of the log.
 * Screenshots at 1366x768 go to POSA_SCREENSHOT_DIR (kept) or a temporary directory (removed).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { PASSWORD } from './harness';
import { startHouseholdsEdge, type HouseholdsEdge } from './households-harness';

let s: HouseholdsEdge;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  s = await startHouseholdsEdge('browser');
  shotsDir =
    process.env['POSA_SCREENSHOT_DIR'] ?? (await mkdtemp(path.join(os.tmpdir(), 'posa-shots-')));
  await mkdir(shotsDir, { recursive: true });
  browser = await launchTestBrowser({ locale: 'vi-VN' });
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
  if (shotsDir && !keepShots) await rm(shotsDir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shotsDir, `households-${name}.png`), fullPage: true });

async function fillMember(page: Page, i: number, m: Record<string, string>): Promise<void> {
  await page.fill(`[id="members[${i}].full_name"]`, m['name']!);
  await page.fill(`[id="members[${i}].date_of_birth"]`, m['born']!);
  await page.selectOption(`[id="members[${i}].sex"]`, m['sex']!);
  await page.fill(`[id="members[${i}].citizen_id"]`, m['citizenId'] ?? '');
  await page.selectOption(`[id="members[${i}].relation"]`, m['relation']!);
}

it('lets a commune officer register a household, find a member without diacritics and read its history', async () => {
  const base = s.edge.baseUrl;
  const officer = await s.edge.createStaff('officer', '00004', ['officer']);
  const page = await browser!.context.newPage();
  await page.goto(`${base}/households`);
  expect(page.url().startsWith(`${s.edge.keycloakUrl}/realms/posa/`)).toBe(true);
  await page.fill('#username', officer);
  await page.fill('#password', PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL(`${base}/households`);

  await page.click('[data-testid="create-household"]');
  await page.waitForURL(`${base}/households/new`);
  await page.fill('#street_address', 'Số 12 Phố Đội Cấn');
  await page.selectOption('#area', 'urban');
  await fillMember(page, 0, {
    name: 'Lê Văn Đạt',
    born: '1975-03-02',
    sex: 'male',
    relation: 'head',
  });
  await fillMember(page, 1, {
    name: 'Phạm Thị Hương',
    born: '1978',
    sex: 'female',
    citizenId: '0011780',
    relation: 'spouse',
  });
  await page.fill('#reason', 'Khai báo hộ mới chuyển đến');
  await page.click('[data-testid="save-household"]');
  await page.waitForSelector('[id="members[1].citizen_id-error"]');
  expect(await page.locator('[id="members[1].citizen_id"]').getAttribute('aria-invalid')).toBe(
    'true',
  );
  await shot(page, 'refused');

  await page.fill('[id="members[1].citizen_id"]', '001178012345');
  await page.click('[data-testid="save-household"]');
  await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
  const detailUrl = page.url();
  const code = ((await page.getByTestId('household-code').textContent()) ?? '')
    .replace(/^Hộ\s+/, '')
    .trim();
  expect(code).toMatch(/^00004-\d{4}-\d{6}$/);
  expect(await page.getByTestId('member-row').count()).toBe(2);
  await shot(page, 'detail');

  await page.click('nav.main >> text=Hộ gia đình');
  await page.waitForURL(`${base}/households`);
  await page.click('[data-testid="search-households"]');
  await page.fill('#q', 'pham thi huong');
  await page.click('[data-testid="search-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="hit"]');
  const hits = page.getByTestId('hit');
  expect(await hits.count()).toBe(1);
  expect(await hits.first().textContent()).toContain('Phạm Thị Hương');
  expect(await hits.first().textContent()).toContain(code);
  await shot(page, 'search');

  await hits.first().locator('a').click();
  await page.waitForURL(detailUrl);
  await page.click('nav.tabs >> text=Lịch sử biến động');
  await page.waitForURL(`${detailUrl}/history`);
  const rows = page.getByTestId('change-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  expect(await rows.first().textContent()).toContain('Khai báo hộ');
  expect(await page.locator('main').textContent()).toContain('Khai báo hộ mới chuyển đến');
  await shot(page, 'history');

  await rows.first().locator('a').click();
  await page.waitForSelector('[data-testid="as-of-note"]');
  expect(await page.getByTestId('member-row').count()).toBe(2);
  await page.close();
});
