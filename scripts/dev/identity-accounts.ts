/**
 * The development identity provider's view of identity's accounts, in process: passwords
 * checked by identity's LocalCredentialStore (scrypt hashes, session_epoch in identity's
 * database) and unit, roles and status read with identity's own account store. No SQL of
 * its own: identity's exported functions own their tables.
 */
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import type { AccountSource, DevAccount, PasswordCheck } from '../../services/devidp/src';
import { LocalCredentialStore } from '../../services/identity/src/keycloak/local-credential-store';
import {
  getAccountBySubject,
  updateAccount,
} from '../../services/identity/src/store/account-store';

/**
 * A temporary password replaced by the user at sign-in (Keycloak's UPDATE_PASSWORD): the new
 * one is stored as permanent by the credential store, then identity's reset flag is cleared
 * with identity's own update (as the demo accounts do).
 */
async function replaceTemporaryPassword(
  identityPool: pg.Pool,
  store: LocalCredentialStore,
  subject: string,
  password: string,
): Promise<void> {
  const account = await getAccountBySubject(identityPool, subject);
  if (account === undefined) throw new Error(`no account with subject ${subject}`);
  await store.setPassword(subject, password, false);
  await withTransaction(identityPool, (client) =>
    updateAccount(client, account.id, { passwordResetRequired: false }),
  );
}

export function identityAccountSource(identityPool: pg.Pool): AccountSource {
  const store = new LocalCredentialStore(identityPool);
  return {
    async checkPassword(username, password): Promise<PasswordCheck> {
      const check = await store.checkPassword(username, password);
      if (!check.ok) return check;
      const { subject, sessionEpoch } = check;
      if (!check.passwordChangeRequired) {
        return { ok: true, subject, sessionEpoch, passwordChangeRequired: false };
      }
      return {
        ok: true,
        subject,
        sessionEpoch,
        passwordChangeRequired: true,
        replaceTemporaryPassword: (next) =>
          replaceTemporaryPassword(identityPool, store, subject, next),
      };
    },
    async account(subject): Promise<DevAccount | null> {
      const [account, user, epoch] = await Promise.all([
        getAccountBySubject(identityPool, subject),
        store.getUser(subject),
        store.sessionEpoch(subject),
      ]);
      if (account === undefined || user === null || epoch === null) return null;
      return {
        subject,
        username: account.username,
        displayName: account.displayName,
        unitCode: account.unitCode,
        roles: account.roles,
        active: account.status === 'active' && user.enabled,
        sessionEpoch: epoch,
      };
    },
  };
}
