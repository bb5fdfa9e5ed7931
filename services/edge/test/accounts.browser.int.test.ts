/**
 * Account management in a real browser (Debian's Chromium driven by playwright-core), with
 * identity provisioning Keycloak: a province admin is refused a malformed username, creates a
 * commune officer (a 2025 commune: the structure in force has no districts), reads the
 * temporary password once, sees the list and the audit trail, and signs out. The officer signs
 * in with the temporary password, sets a new one on Keycloak's page, sees only their unit, is
 * refused the accounts page and another commune's village form, then reports the password
 * compromised and can no longer sign in. Screenshots at 1366x768 go to POSA_SCREENSHOT_DIR
 * (kept) or a temporary directory (removed).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchTestBrowser, type TestBrowser } from '@posa/testing';
import { PASSWORD, startEdgeHarness, type EdgeHarness } from './harness';

const OWN_COMMUNE = '00004'; // Phường Ba Đình
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà
const NEW_PASSWORD = 'Officer-Chose-2025';

let h: EdgeHarness;
let context: BrowserContext;
let browser: TestBrowser | undefined;
let shotsDir: string;
const keepShots = process.env['POSA_SCREENSHOT_DIR'] !== undefined;

beforeAll(async () => {
  h = await startEdgeHarness('ui', {}, { provisioning: true });
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
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${h.baseUrl}/`);
  expect(page.url().startsWith(`${h.keycloakUrl}/realms/posa/`)).toBe(true);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL(`${h.baseUrl}/signed-out`),
    page.click('nav.main button[type="submit"]'),
  ]);
}

it('lets a province admin create a commune officer who then signs in within their commune only', async () => {
  const admin = await h.createStaff('padmin', '01', ['unit_admin', 'auditor']);
  const officer = h.username('officer');
  const page = await context.newPage();
  await signIn(page, admin, PASSWORD);
  await page.waitForURL(`${h.baseUrl}/`);

  // The create form: a malformed username is refused by identity, next to the field.
  await page.click('nav.main >> text=Tài khoản');
  await page.waitForURL(`${h.baseUrl}/accounts`);
  await page.click('[data-testid="create-account"]');
  await page.waitForURL(`${h.baseUrl}/accounts/new`);
  expect(await page.locator('input[name="roles"][value="system_admin"]').count()).toBe(0);
  await page.fill('#username', 'Cán bộ Bình');
  await page.fill('#display_name', 'Trần Văn Bình');
  await page.selectOption('#unit_code', OWN_COMMUNE);
  await page.check('input[name="roles"][value="officer"]');
  const [refused] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/accounts/new') && r.request().method() === 'POST',
    ),
    page.click('[data-testid="account-form"] button[type="submit"]'),
  ]);
  expect(refused.status()).toBe(400);
  expect(await page.textContent('#username-error')).toContain('Tên đăng nhập: giá trị chưa hợp lệ');
  expect(await page.inputValue('#display_name')).toBe('Trần Văn Bình');
  expect(await page.isChecked('input[name="roles"][value="officer"]')).toBe(true);
  await page.screenshot({
    path: path.join(shotsDir, 'account-create-refused-vi.png'),
    fullPage: true,
  });

  // Created: the account's page shows the temporary password once.
  await page.fill('#username', officer);
  await Promise.all([
    page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/),
    page.click('[data-testid="account-form"] button[type="submit"]'),
  ]);
  const accountUrl = page.url();
  const temporary = await text(page, 'temporary-password');
  expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
  expect(await text(page, 'account-status')).toBe('Đang hoạt động');
  await page.screenshot({ path: path.join(shotsDir, 'account-vi.png'), fullPage: true });
  await page.reload();
  expect(await page.getByTestId('temporary-password').count()).toBe(0);
  const api = await fetch(`${h.baseUrl}/api/v1${new URL(accountUrl).pathname}`, {
    headers: { authorization: `Bearer ${await h.bearer(admin)}` },
  });
  h.provisioned.push(((await api.json()) as { subject: string }).subject);

  await page.click('nav.main >> text=Tài khoản');
  expect(await text(page, 'accounts')).toContain(officer);
  await page.screenshot({ path: path.join(shotsDir, 'accounts-vi.png'), fullPage: true });
  await page.click('nav.main >> text=Nhật ký');
  await page.waitForURL(`${h.baseUrl}/audit`);
  expect(await text(page, 'audit-entries')).toContain('Tạo tài khoản');
  expect(await text(page, 'audit-entries')).toContain(officer);
  await page.screenshot({ path: path.join(shotsDir, 'audit-vi.png'), fullPage: true });
  await signOut(page);

  // The officer's first sign-in: Keycloak asks for a new password.
  await signIn(page, officer, temporary);
  await page.waitForSelector('#password-new');
  await page.fill('#password-new', NEW_PASSWORD);
  await page.fill('#password-confirm', NEW_PASSWORD);
  await Promise.all([page.waitForURL(`${h.baseUrl}/`), page.click('#kc-submit')]);
  expect(await text(page, 'unit-name')).toBe('Phường Ba Đình');
  expect(await text(page, 'roles')).toBe('Cán bộ nghiệp vụ');
  expect(await page.locator('nav.main a[href="/accounts"]').count()).toBe(0);
  expect(await page.locator('nav.main a[href="/audit"]').count()).toBe(0);

  // Not an administrator: the accounts page is refused with the roles it needs.
  const forbidden = await page.goto(`${h.baseUrl}/accounts`);
  expect(forbidden?.status()).toBe(403);
  expect(await text(page, 'forbidden')).toContain('Quản trị đơn vị');
  await page.screenshot({ path: path.join(shotsDir, 'forbidden-vi.png') });

  // Another commune's village form: refused by identity, with the reason.
  await page.goto(`${h.baseUrl}/units/${OTHER_COMMUNE}`);
  await page.fill('#village-name', 'Tổ dân phố Mới');
  const [village] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/units/${OTHER_COMMUNE}/villages`)),
    page.click('[data-testid="village-form"] button[type="submit"]'),
  ]);
  expect(village.status()).toBe(403);

  // Reporting the password compromised ends the session and locks the account.
  await page.click('nav.main >> text=Báo mật khẩu bị lộ');
  await Promise.all([
    page.waitForURL(`${h.baseUrl}/account/locked`),
    page.click('[data-testid="compromised-form"] button[type="submit"]'),
  ]);
  expect(await text(page, 'locked-heading')).toBe('Tài khoản đã bị khóa');
  await page.screenshot({ path: path.join(shotsDir, 'locked-vi.png') });
  await signIn(page, officer, NEW_PASSWORD);
  await page.waitForLoadState();
  expect(page.url().startsWith(h.baseUrl)).toBe(false);
  await page.close();
});
