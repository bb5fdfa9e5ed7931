import type pg from 'pg';
import { createPool, closePool, runMigrations } from '@posa/db';
import { createTestDatabase, type TestDatabase } from '@posa/testing';
import { MIGRATIONS_DIR } from '../src/app';
import { ProviderConflictError } from '../src/keycloak/identity-provider-admin';
import { LocalCredentialStore } from '../src/keycloak/local-credential-store';

// The credential store of the embedded identity provider, on real PostgreSQL.
let db: TestDatabase;
let pool: pg.Pool;
let store: LocalCredentialStore;

beforeAll(async () => {
  db = await createTestDatabase('identity_local_credentials');
  pool = createPool({ url: db.url });
  await runMigrations(pool, { directory: MIGRATIONS_DIR });
  store = new LocalCredentialStore(pool);
});

afterAll(async () => {
  await closePool(pool);
  await db.drop();
});

const user = {
  username: 'local.officer',
  firstName: 'Văn An',
  lastName: 'Nguyễn',
  unitCode: '00004',
  roles: ['officer'],
  enabled: true,
  password: 'Temporary-Pass-1',
  temporary: true,
};

it('creates users with hashed passwords and refuses a taken username', async () => {
  const subject = await store.createUser(user);
  expect(await store.getUser(subject)).toEqual({
    subject,
    username: 'local.officer',
    enabled: true,
    unitCode: '00004',
    roles: ['officer'],
  });
  const { rows } = await pool.query(
    'SELECT password_hash FROM local_credential WHERE subject = $1',
    [subject],
  );
  expect(rows[0].password_hash).toMatch(/^scrypt\$/);
  expect(rows[0].password_hash).not.toContain('Temporary-Pass-1');
  await expect(store.createUser(user)).rejects.toBeInstanceOf(ProviderConflictError);
});

it('checks passwords, temporary state, disabling and session revocation', async () => {
  const subject = (
    await pool.query("SELECT subject FROM local_credential WHERE username = 'local.officer'")
  ).rows[0].subject;
  expect(await store.checkPassword('local.officer', 'Temporary-Pass-1')).toEqual({
    ok: true,
    subject,
    sessionEpoch: 0,
    passwordChangeRequired: true,
  });
  expect(await store.checkPassword('local.officer', 'wrong')).toEqual({
    ok: false,
    reason: 'unknown_or_wrong_password',
  });
  expect(await store.checkPassword('nobody', 'wrong')).toEqual({
    ok: false,
    reason: 'unknown_or_wrong_password',
  });

  await store.setPassword(subject, 'Permanent-Pass-2', false);
  expect(await store.checkPassword('local.officer', 'Permanent-Pass-2')).toMatchObject({
    ok: true,
    passwordChangeRequired: false,
  });

  await store.logoutAll(subject);
  expect(await store.sessionEpoch(subject)).toBe(1);
  await store.setEnabled(subject, false);
  expect(await store.checkPassword('local.officer', 'Permanent-Pass-2')).toEqual({
    ok: false,
    reason: 'disabled',
  });

  await store.setRoles(subject, ['officer', 'analyst']);
  expect((await store.getUser(subject))?.roles).toEqual(['analyst', 'officer']);
  await store.deleteUser(subject);
  expect(await store.getUser(subject)).toBeNull();
});
