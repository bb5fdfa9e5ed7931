/**
 * Imports in a real browser (Debian's Chromium driven by playwright-core): a commune
 * officer uploads a village XLSX with one bad row, sees the job rejected and downloads the
 * report naming the row, uploads the fixed file, sees the village's households, and finds
 * a person by a name typed without diacritics. Screenshots at 1366x768 go to
 * POSA_SCREENSHOT_DIR (kept) or a temporary directory (removed).
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { PASSWORD } from './harness';
import { type HouseholdsEdge, startHouseholdsEdge } from './households-harness';
import { COMMUNE, VILLAGE, villageRows, villageXlsx } from './imports-reviews-harness';

let s: HouseholdsEdge;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  s = await startHouseholdsEdge('impb', { today: () => '2026-11-20' });
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
  page.screenshot({ path: path.join(shotsDir, `imports-${name}.png`), fullPage: true });

async function uploadFile(page: Page, base: string, bytes: Buffer): Promise<void> {
  await page.goto(`${base}/imports`);
  await page.click('[data-testid="new-import"]');
  await page.waitForURL(`${base}/imports/new`);
  await page.fill('#village_code', VILLAGE);
  await page.setInputFiles('#file', {
    name: 'thon-dong.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.click('[data-testid="upload-import"]');
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid="import-status"]:not([data-status="running"])');
}

it('lets a commune officer import a village file, read the report, fix it and find a member', async () => {
  const base = s.edge.baseUrl;
  const officer = await s.edge.createStaff('officer', COMMUNE, ['officer']);
  const page = await browser!.context.newPage();
  await page.goto(`${base}/imports`);
  await page.fill('#username', officer);
  await page.fill('#password', PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL(`${base}/imports`);
  expect(await page.getByTestId('no-imports').count()).toBe(1);

  await uploadFile(page, base, await villageXlsx(villageRows(true)));
  expect(await page.getByTestId('import-status').getAttribute('data-status')).toBe('rejected');
  expect(Number(await page.getByTestId('count-error_count').textContent())).toBeGreaterThan(0);
  await shot(page, 'rejected');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="download-report"]'),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const issues: string[] = [];
  wb.getWorksheet('Loi')!.eachRow((row, n) => {
    if (n > 1) issues.push(JSON.stringify(row.values));
  });
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.join()).toContain('citizen_id');

  await uploadFile(page, base, await villageXlsx(villageRows(false)));
  expect(await page.getByTestId('import-status').getAttribute('data-status')).toBe('completed');
  expect(await page.getByTestId('count-households_created').textContent()).toBe('2');
  await shot(page, 'completed');
  await page.click('[data-testid="village-households"]');
  await page.waitForURL(/\/households\?/);
  expect(await page.locator('[data-testid="households"] tbody tr').count()).toBe(2);
  await shot(page, 'households');

  await page.click('[data-testid="search-households"]');
  await page.fill('#q', 'vu dinh quy');
  await page.click('[data-testid="search-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="hit"]');
  const hits = page.getByTestId('hit');
  expect(await hits.count()).toBe(1);
  expect(await hits.first().textContent()).toContain('Vũ Đình Quý');
  await shot(page, 'search');

  await page.goto(`${base}/imports`);
  expect(await page.locator('[data-testid="imports"] tbody tr').count()).toBe(2);
});
