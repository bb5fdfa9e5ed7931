/**
 * The citizen online service in a real browser (Debian's Chromium driven by playwright-core):
 * a citizen opens the public pages without an account, chooses the monthly allowance, fills
 * the application, attaches a PDF, sends it, reads the tracking code on the receipt and
 * follows the application with the code and the citizen ID. Screenshots at 1366x768 go to
 * POSA_SCREENSHOT_DIR (kept) or a temporary directory (removed).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { startCitizenEdge, tinyPdf, type CitizenEdge } from './citizen-harness';

jest.setTimeout(120_000);

let s: CitizenEdge;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  s = await startCitizenEdge('browser');
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
  page.screenshot({ path: path.join(shotsDir, `citizen-${name}.png`), fullPage: true });

it('lets a citizen apply with a PDF, get a tracking code and follow the application', async () => {
  const base = s.edge.baseUrl;
  const pdf = path.join(shotsDir, 'giay-xac-nhan.pdf');
  await writeFile(pdf, tinyPdf());
  const context = browser?.context;
  if (context === undefined) throw new Error('no browser');
  const page = await context.newPage();
  await page.goto(`${base}/dich-vu-cong`);
  await shot(page, 'landing');
  await page.click(`a[href="/dich-vu-cong/nop-ho-so?thu_tuc=monthly_allowance"]`);
  await page.waitForURL(`${base}/dich-vu-cong/nop-ho-so?thu_tuc=monthly_allowance`);

  await page.fill('#full_name', 'Nguyễn Thị Lan');
  await page.fill('#date_of_birth', '1938-11-02');
  await page.selectOption('#sex', 'female');
  await page.fill('#citizen_id', '001138000601');
  await page.fill('#phone', '0912000601');
  await page.fill('#commune_code', '00004');
  await page.fill('#street_address', 'Số 7 ngõ 12 phố Đội Cấn');
  await page.selectOption('#filed_by', 'self');
  await page.fill('#circumstances', 'Sống một mình, không có lương hưu, sức khỏe yếu.');
  await page.selectOption('#suggested_category_code', 'nd20-5c');
  await page.selectOption('#payment_channel', 'post_office');
  await page.setInputFiles('#attachments', pdf);
  await shot(page, 'form');
  await page.click('[data-testid="application-form"] button[type="submit"]');
  await page.waitForURL(/\/dich-vu-cong\/bien-nhan\?ma=/);
  const code = (await page.textContent('[data-testid="tracking-code"]'))?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{10}$/);
  await shot(page, 'receipt');

  await page.click(`main a[href="/dich-vu-cong/tra-cuu"]`);
  await page.waitForURL(`${base}/dich-vu-cong/tra-cuu`);
  await page.fill('#tracking_code', code.toLowerCase());
  await page.fill('#citizen_id', '001138000601');
  await page.click('[data-testid="track-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="track-result"]');
  expect(await page.textContent('[data-testid="track-result"]')).toContain(
    'Đã tiếp nhận, chờ xã xử lý',
  );
  await shot(page, 'tracking');
});
