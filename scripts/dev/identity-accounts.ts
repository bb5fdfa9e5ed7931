/**
 * The development identity provider's view of identity's accounts, in process: passwords
 * checked by identity's LocalCredentialStore (scrypt hashes, session_epoch in identity's
 * database) and unit, roles and status read with identity's own account store. No SQL of
 * its own: identity's exported functions own their tables.
 */
import type pg from 'pg';
import type { AccountSource, DevAccount } from '../../services/devidp/src';
import { LocalCredentialStore } from '../../services/identity/src/keycloak/local-credential-store';
import { getAccountBySubject } from '../../services/identity/src/store/account-store';

export function identityAccountSource(identityPool: pg.Pool): AccountSource {
  const store = new LocalCredentialStore(identityPool);
  return {
    checkPassword: (username, password) => store.checkPassword(username, password),
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
