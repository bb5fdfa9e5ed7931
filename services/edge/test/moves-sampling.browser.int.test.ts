/**
 * Moves and acceptance sampling in a real browser (Debian's Chromium driven by
 * playwright-core): a commune officer splits a member off into a new household on the moves
 * page (a refusal first, shown above the form) and sees the new household's link back; a
 * province approver draws a sample of the commune, records the checks and reads the result.
 * Screenshots at 1366x768 go to POSA_SCREENSHOT_DIR (kept) or a temporary directory (removed).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { PASSWORD } from './harness';
import { startHouseholdsEdge, type HouseholdsEdge } from './households-harness';
import { createHousehold, memberNamed } from './registry-quality-support';

let s: HouseholdsEdge;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  s = await startHouseholdsEdge('rqbrowser');
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
  page.screenshot({ path: path.join(shotsDir, `moves-sampling-${name}.png`), fullPage: true });

/** A fresh sign-in (the profile is shared: the previous user's cookies are cleared first). */
async function signInAs(username: string, target: string): Promise<Page> {
  await browser!.context.clearCookies();
  const page = await browser!.context.newPage();
  await page.goto(`${s.edge.baseUrl}${target}`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL(`${s.edge.baseUrl}${target}`);
  return page;
}

it('lets a commune officer split a household and a province approver decide a sample', async () => {
  const base = s.edge.baseUrl;
  const officerName = await s.edge.createStaff('officer', '00004', ['officer']);
  const officer = await s.edge.bearer(officerName);
  const household = await createHousehold(s, officer, '00004', [
    { fullName: 'Nguyễn Văn Hải', dateOfBirth: '1965', sex: 'male', relation: 'head' },
    { fullName: 'Nguyễn Văn Sơn', dateOfBirth: '1992', sex: 'male', relation: 'child' },
  ]);
  await createHousehold(s, officer, '00004', [
    { fullName: 'Phan Thị Yến', dateOfBirth: '1980', sex: 'female', relation: 'head' },
  ]);
  const son = memberNamed(household, 'Nguyễn Văn Sơn');

  const page = await signInAs(officerName, `/households/${household.id}`);
  await page.click('[data-testid="moves-link"]');
  await page.waitForURL(`${base}/households/${household.id}/moves`);
  // Nobody chosen for the new household: refused, the reason above the form.
  await page.fill('#split-reason', 'Con trai lập gia đình riêng');
  await page.click('[data-testid="split-submit"]');
  await page.waitForSelector('[data-testid="split-form"]');
  expect(await page.locator('.alert.error').first().textContent()).toContain('Thành viên');
  await shot(page, 'split-refused');

  await page.check(`[id="split-${son.id}"]`);
  await page.selectOption(`[id="split-relation-${son.id}"]`, 'head');
  await page.fill('#split-street', 'Số 20 Phố Kim Mã');
  await page.fill('#split-reason', 'Con trai lập gia đình riêng');
  await page.click('[data-testid="split-submit"]');
  await page.waitForURL(`${base}/households/${household.id}`);
  expect(await page.getByTestId('flash').textContent()).toContain('Đã tách thành hộ mới');
  expect(await page.getByTestId('member-row').count()).toBe(1);
  await shot(page, 'split-done');
  await page.close();

  const approverName = await s.edge.createStaff('approver', '01', ['approver']);
  const approverPage = await signInAs(approverName, '/samples');
  await approverPage.fill('#commune_code', '00004');
  await approverPage.fill('#purpose', 'Nghiệm thu 2026 đợt 1');
  await approverPage.fill('#sample_size', '2');
  await approverPage.click('[data-testid="draw-submit"]');
  await approverPage.waitForURL(/\/samples\/[0-9a-f-]{36}$/);
  const samplePath = new URL(approverPage.url()).pathname;
  expect(await approverPage.getByTestId('sample-item').count()).toBe(2);
  for (let i = 0; i < 2; i++) {
    await approverPage.getByTestId('check-link').nth(i).click();
    await approverPage.waitForSelector('[data-testid="check-form"]');
    if (i === 0) await approverPage.selectOption('[id="c.address"]', 'error');
    await approverPage.fill('#note', i === 0 ? 'Sai số nhà' : 'Đúng');
    await approverPage.click('[data-testid="check-submit"]');
    await approverPage.waitForURL(`${base}${samplePath}`);
  }
  await shot(approverPage, 'sample-checked');
  await approverPage.click('[data-testid="compute-form"] button');
  await approverPage.waitForSelector('[data-testid="sample-result"]');
  const result = (await approverPage.getByTestId('sample-result').textContent()) ?? '';
  expect(result).toContain('Không đạt');
  expect(await approverPage.getByTestId('rate-identity').textContent()).toContain('vượt');
  expect(await approverPage.getByTestId('result-reasons').count()).toBe(1);
  await shot(approverPage, 'sample-result');
  await approverPage.close();
});
