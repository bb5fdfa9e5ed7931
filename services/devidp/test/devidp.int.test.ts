/**
 * The development identity provider against identity in process (IDENTITY_PROVIDER=local,
 * real PostgreSQL): sign-in through the real endpoints, tokens verified as the services
 * verify them, GetMyAccount with the token, a locked account refused, revoked sessions, a
 * temporary password from ResetPassword replaced at sign-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Metadata, status } from '@grpc/grpc-js';
import { TokenVerifier } from '@posa/auth';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import { AccountServiceClient, type AccountServiceService } from '@posa/proto';
import { createTestDatabase, type TestDatabase } from '@posa/testing';
import { createApp, type IdentityApp } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config';
import { ensureDemoAccounts, type DemoAccount } from '../../../scripts/dev/demo-accounts';
import { identityAccountSource } from '../../../scripts/dev/identity-accounts';
import { createDevIdp, DEV_CLIENT_SECRETS, type AccountSource, type DevIdp } from '../src';
import { payloadOf, serviceTokenRequest, signIn, tokenRequest } from './code-flow';

const silent = createLogger({ service: 'test', level: 'silent' });
const account = (
  username: string,
  unitCode: string,
  roles: string[],
  password: string,
): DemoAccount => ({
  username,
  password,
  displayName: 'Nguyễn Thị Lan',
  unitCode,
  unitLabel: unitCode,
  roles,
  domain: null,
});
const ADMIN = account('t.admin', 'VN', ['system_admin'], 'Admin-Pass-2025');
const OFFICER = account('t.officer', '00004', ['approver', 'officer'], 'Officer-Pass-2025');
const VICTIM = account('t.locked', '00691', ['officer'], 'Locked-Pass-2025');
const RESET = account('t.reset', '00691', ['officer'], 'Reset-Pass-2025');

let db: TestDatabase;
let dataDir: string;
let devidp: DevIdp;
let identity: IdentityApp;
let issuer: string;
let accounts: GrpcClient<AccountServiceService>;
let verifier: TokenVerifier;

const bearer = (token: string) => {
  const md = new Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
};

beforeAll(async () => {
  db = await createTestDatabase('devidp');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'devidp-test-'));
  const ready: { source?: AccountSource } = {};
  devidp = createDevIdp({
    accounts: {
      checkPassword: (u, p) => ready.source!.checkPassword(u, p),
      account: (s) => ready.source!.account(s),
    },
    dataDir,
    logger: silent,
  });
  ({ issuer } = await devidp.start());
  identity = createApp(
    loadIdentityConfig({
      DATABASE_URL: db.url,
      GRPC_PORT: '0',
      HTTP_PORT: '0',
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      KEYCLOAK_ISSUER_URL: issuer,
      IDENTITY_PROVIDER: 'local',
      EVENTS_TRANSPORT: 'in-process',
      RECONCILE_INTERVAL_MS: '0',
      LOG_LEVEL: 'silent',
    }),
    silent,
  );
  const { grpcPort } = await identity.start();
  ready.source = identityAccountSource(identity.pool);
  await ensureDemoAccounts(identity.pool, identity.idp, silent, () => '2025-11-20', [
    ADMIN,
    OFFICER,
    VICTIM,
    RESET,
  ]);
  accounts = createGrpcClient(AccountServiceClient, `127.0.0.1:${grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  verifier = new TokenVerifier({ issuer, audience: 'posa-api', serviceClients: ['posa-services'] });
});

afterAll(async () => {
  accounts?.close();
  await devidp?.stop(100);
  await identity?.stop(100);
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('development identity provider', () => {
  it('signs an officer in with the code flow; the services accept the token', async () => {
    const result = await signIn(issuer, OFFICER.username, OFFICER.password);
    if (!result.ok) throw new Error(`sign-in refused (${result.status})`);
    const principal = await verifier.verify(result.tokens.access_token);
    expect(principal).toMatchObject({ unitCode: '00004', isService: false });
    expect([...principal.roles].sort()).toEqual(['approver', 'officer']);
    const access = payloadOf(result.tokens.access_token);
    expect(access).toMatchObject({
      iss: issuer,
      aud: 'posa-api',
      typ: 'Bearer',
      azp: 'posa-edge',
      preferred_username: OFFICER.username,
    });
    expect(payloadOf(result.tokens.id_token!)).toMatchObject({
      typ: 'ID',
      aud: 'posa-edge',
      unit_code: '00004',
    });

    const me = await accounts.call(
      'getMyAccount',
      {},
      { metadata: bearer(result.tokens.access_token) },
    );
    expect(me.account).toMatchObject({ username: OFFICER.username, unitCode: '00004' });
  });

  it('refuses a wrong password with the same page as an unknown user', async () => {
    const wrong = await signIn(issuer, OFFICER.username, 'Wrong-Pass-2025');
    const unknown = await signIn(issuer, 'nobody.here', 'Wrong-Pass-2025');
    expect(wrong).toMatchObject({ ok: false, status: 401 });
    expect(unknown).toMatchObject({ ok: false, status: 401 });
    if (wrong.ok || unknown.ok) return;
    expect(wrong.html).toContain('Wrong username or password.');
    expect(unknown.html).toContain('Wrong username or password.');
  });

  it('issues service tokens to posa-services (client credentials) without a unit', async () => {
    const res = await serviceTokenRequest(issuer, DEV_CLIENT_SECRETS.services);
    expect(res.status).toBe(200);
    const principal = await verifier.verify(res.body.access_token);
    expect(principal.isService).toBe(true);
  });

  it('ends every session when identity revokes them (session_epoch), keeping the account usable', async () => {
    const first = await signIn(issuer, OFFICER.username, OFFICER.password);
    if (!first.ok) throw new Error('sign-in refused');
    const refreshed = await tokenRequest(issuer, {
      grant_type: 'refresh_token',
      refresh_token: first.tokens.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
    const subject = payloadOf(first.tokens.access_token).sub as string;
    await identity.idp.logoutAll(subject);
    const afterRevoke = await tokenRequest(issuer, {
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token!,
    });
    expect(afterRevoke).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await signIn(issuer, OFFICER.username, OFFICER.password)).ok).toBe(true);
  });

  it('refuses a locked account and ends its sessions', async () => {
    const admin = await signIn(issuer, ADMIN.username, ADMIN.password);
    const victim = await signIn(issuer, VICTIM.username, VICTIM.password);
    if (!admin.ok || !victim.ok) throw new Error('sign-in refused');
    const me = await accounts.call(
      'getMyAccount',
      {},
      { metadata: bearer(victim.tokens.access_token) },
    );
    await accounts.call(
      'lockAccount',
      { accountId: me.account!.accountId, reason: 'test' },
      { metadata: bearer(admin.tokens.access_token) },
    );
    const again = await signIn(issuer, VICTIM.username, VICTIM.password);
    expect(again).toMatchObject({ ok: false, status: 401 });
    if (!again.ok) expect(again.html).toContain('This account is locked.');
    const refresh = await tokenRequest(issuer, {
      grant_type: 'refresh_token',
      refresh_token: victim.tokens.refresh_token!,
    });
    expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('has a temporary password replaced at sign-in; then only the new password works', async () => {
    const admin = await signIn(issuer, ADMIN.username, ADMIN.password);
    const before = await signIn(issuer, RESET.username, RESET.password);
    if (!admin.ok || !before.ok) throw new Error('sign-in refused');
    const me = await accounts.call(
      'getMyAccount',
      {},
      { metadata: bearer(before.tokens.access_token) },
    );
    const reset = await accounts.call(
      'resetPassword',
      { accountId: me.account!.accountId },
      { metadata: bearer(admin.tokens.access_token) },
    );
    const temporary = reset.temporaryPassword;
    expect(reset.account).toMatchObject({ passwordResetRequired: true });

    // With no new password offered the flow stops on the page asking for one.
    const asked = await signIn(issuer, RESET.username, temporary);
    expect(asked).toMatchObject({ ok: false, status: 200 });
    if (!asked.ok) expect(asked.html).toContain('<h1>Set a new password</h1>');

    const chosen = 'Chosen-Pass-2026';
    const changed = await signIn(issuer, RESET.username, temporary, [
      ['weak', 'weak'],
      [temporary, temporary],
      [chosen, 'Chosen-Pass-2027'],
      [chosen, chosen],
    ]);
    if (!changed.ok) throw new Error(`new password refused (${changed.status}): ${changed.html}`);
    const [first, weak, reused, mismatch] = changed.newPasswordPages;
    expect(changed.newPasswordPages.map((p) => p.status)).toEqual([200, 400, 400, 400]);
    expect(first!.html).not.toContain('role="alert"');
    expect(weak!.html).toContain('New password: needs 10 to 128 characters.');
    expect(weak!.html).toContain('New password: needs at least one digit.');
    expect(weak!.html).toContain('New password: needs at least one upper-case letter.');
    expect(reused!.html).toContain('New password: must not be the temporary password.');
    expect(mismatch!.html).toContain('Confirm new password: does not match the new password.');

    const principal = await verifier.verify(changed.tokens.access_token);
    expect(principal).toMatchObject({ userId: me.account!.subject, unitCode: '00691' });
    const after = await accounts.call(
      'getMyAccount',
      {},
      { metadata: bearer(changed.tokens.access_token) },
    );
    expect(after.account).toMatchObject({ passwordResetRequired: false });

    const old = await signIn(issuer, RESET.username, temporary);
    expect(old).toMatchObject({ ok: false, status: 401 });
    if (!old.ok) expect(old.html).toContain('Wrong username or password.');
    const again = await signIn(issuer, RESET.username, chosen);
    expect(again).toMatchObject({ ok: true, newPasswordPages: [] });
  });

  it('keeps its signing key across a restart', async () => {
    const before = await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json();
    const second = createDevIdp({
      accounts: identityAccountSource(identity.pool),
      dataDir,
      logger: silent,
    });
    const started = await second.start();
    try {
      const after = await (await fetch(`${started.issuer}/protocol/openid-connect/certs`)).json();
      expect(after).toEqual(before);
    } finally {
      await second.stop(100);
    }
  });

  it('leaves identity refusing a token the provider did not sign (UNAUTHENTICATED)', async () => {
    await expect(
      accounts.call('getMyAccount', {}, { metadata: bearer('x.y.z') }),
    ).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
    });
  });
});
