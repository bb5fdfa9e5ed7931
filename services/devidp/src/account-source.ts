/**
 * What the development identity provider needs from identity: password checks against
 * identity's local credential store, the account's unit and roles, and the session epoch
 * that identity raises to revoke every session of an account.
 */
export type PasswordCheck =
  | { ok: true; subject: string; sessionEpoch: number; passwordChangeRequired: false }
  | {
      ok: true;
      subject: string;
      sessionEpoch: number;
      passwordChangeRequired: true;
      /**
       * Stores `password` as the account's permanent password and clears identity's
       * reset flag. Handed out only with a correct temporary password: the provider can
       * change a password only right after the user proved they hold the temporary one.
       */
      replaceTemporaryPassword(password: string): Promise<void>;
    }
  | { ok: false; reason: 'unknown_or_wrong_password' | 'disabled' };

/** An account as tokens describe it. */
export interface DevAccount {
  subject: string;
  username: string;
  displayName: string;
  unitCode: string;
  roles: string[];
  /** False for locked or not yet provisioned accounts: no token is issued for them. */
  active: boolean;
  sessionEpoch: number;
}

export interface AccountSource {
  checkPassword(username: string, password: string): Promise<PasswordCheck>;
  /** The account with this subject, or null when identity has none. */
  account(subject: string): Promise<DevAccount | null>;
}
