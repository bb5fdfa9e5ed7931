import { translator } from '../i18n';
import type { AccountJson, AuditEntryJson } from '../api/account-json';
import { accountPage } from './account-page';
import { accountsPage } from './accounts-page';
import { auditPage } from './audit-page';
import { forbiddenPage } from './error-page';
import type { PageContext } from './layout';

const HOSTILE = '<script>alert(1)</script>';

const ctx = (nav: PageContext['nav'], lang: 'vi' | 'en' = 'vi'): PageContext => ({
  t: translator(lang),
  lang,
  currentUrl: '/accounts',
  csrfToken: 'tok"en',
  signedIn: true,
  nav,
});

const account: AccountJson = {
  id: '0b7e2a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
  username: 'lan.nguyen',
  displayName: `Lan ${HOSTILE}`,
  unitCode: '00004',
  unitStructure: '2025',
  tier: 'commune',
  roles: ['officer'],
  nationalDomain: null,
  status: 'locked',
  passwordResetRequired: true,
  lockReason: 'password_compromised',
  createTime: '2025-08-01T01:30:00.000Z',
  updateTime: null,
  subject: null,
};

describe('account and audit views', () => {
  it('escape every value from the services and the CSRF token', () => {
    const list = accountsPage(ctx({ accounts: true, audit: false }), {
      filter: { unit: `"><${HOSTILE}` },
      units: [{ code: '00004', label: `00004 — ${HOSTILE}` }],
      accounts: [account],
    });
    expect(list).not.toContain(HOSTILE);
    expect(list).toContain('Lan &lt;script&gt;alert(1)&lt;/script&gt;');
    const detail = accountPage(ctx({ accounts: true, audit: false }), {
      account,
      offeredRoles: ['officer', 'analyst'],
      flash: {
        message: 'flash.unlocked',
        temporaryPassword: `Pw${HOSTILE}`,
        accountId: account.id,
      },
    });
    expect(detail).not.toContain(HOSTILE);
    expect(detail).toContain('value="tok&quot;en"');
    expect(detail).toContain('Pw&lt;script&gt;');
    const entry: AuditEntryJson = {
      id: '1',
      time: '2025-08-01T01:30:00.000Z',
      actorId: HOSTILE,
      actorUsername: HOSTILE,
      actorUnitCode: '01',
      action: HOSTILE,
      subjectType: 'village',
      subjectId: HOSTILE,
      subjectUnitCode: '00004',
      sourceAddress: '203.0.113.9',
      before: null,
      after: { name: HOSTILE },
    };
    expect(
      auditPage(ctx({ accounts: false, audit: true }), {
        query: { actor: HOSTILE, unit: HOSTILE },
        entries: [entry],
      }),
    ).not.toContain(HOSTILE);
  });

  it('name audit actors by username, by an id prefix when they have no account', () => {
    const entry: AuditEntryJson = {
      id: '1',
      time: '2025-08-01T01:30:00.000Z',
      actorId: '4f1c2d3e-aaaa-bbbb-cccc-000000000001',
      actorUsername: 'ha.nguyen',
      actorUnitCode: '01',
      action: 'account.lock',
      subjectType: 'account',
      subjectId: '0b7e2a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      subjectUnitCode: '00004',
      sourceAddress: '',
      before: null,
      after: null,
    };
    const page = (e: AuditEntryJson) =>
      auditPage(ctx({ accounts: false, audit: true }), { query: { unit: '01' }, entries: [e] });
    const named = page(entry);
    expect(named).toMatch(/>ha\.nguyen<\/a/);
    expect(named).toContain('title="4f1c2d3e-aaaa-bbbb-cccc-000000000001"');
    expect(named).not.toMatch(/>4f1c2d3e<\/a/);
    expect(named).toMatch(/name="unit"\s+type="text"\s+value="01"/);
    expect(page({ ...entry, actorUsername: '' })).toMatch(/>4f1c2d3e<\/a/);
  });

  it('show the navigation entries the roles allow, and the account facts in Vietnamese', () => {
    const officer = accountsPage(ctx({ accounts: false, audit: false }), {
      filter: {},
      units: [],
      accounts: [],
    });
    expect(officer).not.toContain('href="/accounts"');
    expect(officer).not.toContain('href="/audit"');
    expect(officer).toContain('href="/account/compromised"');
    const detail = accountPage(ctx({ accounts: true, audit: true }), {
      account,
      offeredRoles: ['officer'],
    });
    expect(detail).toMatch(/href="\/accounts"\s+aria-current="page"/);
    expect(detail).toContain('href="/audit"');
    expect(detail).toContain('Đã khóa');
    expect(detail).toContain('Mật khẩu bị lộ');
    expect(detail).toContain('2025-08-01 08:30');
    // A locked account offers unlock, not lock.
    expect(detail).toContain('action="/accounts/0b7e2a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c/unlock"');
    expect(detail).not.toContain('/lock"');
  });

  it('name the roles a refused page needs and the user holds', () => {
    const page = forbiddenPage(
      ctx({ accounts: false, audit: false }, 'en'),
      ['unit_admin', 'system_admin'],
      ['officer'],
    );
    expect(page).toContain('This page is for: Unit administrator, System administrator.');
    expect(page).toContain('Your roles: Officer.');
  });
});
