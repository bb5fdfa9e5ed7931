/**
 * IdentityProviderAdmin for the embedded run: users and scrypt password hashes kept in
 * identity's own database (table local_credential). Revoking sessions raises
 * `session_epoch`; the development identity provider that will sign users in must refuse
 * sessions issued under an older epoch. This module is the store, not the provider.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  ProviderConflictError,
  type IdentityProviderAdmin,
  type NewProviderUser,
  type ProviderUser,
} from './identity-provider-admin';
import { hashPassword, verifyPassword } from './password-hash';

export type SignInCheck =
  | { ok: true; subject: string; sessionEpoch: number; passwordChangeRequired: boolean }
  | { ok: false; reason: 'unknown_or_wrong_password' | 'disabled' };

export class LocalCredentialStore implements IdentityProviderAdmin {
  constructor(private readonly pool: pg.Pool) {}

  async createUser(user: NewProviderUser): Promise<string> {
    const subject = randomUUID();
    const hash = await hashPassword(user.password);
    const result = await this.pool.query(
      `INSERT INTO local_credential (subject, username, enabled, unit_code, roles, first_name, last_name,
                                     password_hash, password_temporary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING`,
      [
        subject,
        user.username,
        user.enabled,
        user.unitCode,
        [...user.roles].sort(),
        user.firstName,
        user.lastName,
        hash,
        user.temporary,
      ],
    );
    if (result.rowCount === 0) throw new ProviderConflictError(user.username);
    return subject;
  }

  async setPassword(subject: string, password: string, temporary: boolean): Promise<void> {
    await this.update(subject, 'password_hash = $2, password_temporary = $3', [
      await hashPassword(password),
      temporary,
    ]);
  }

  async setEnabled(subject: string, enabled: boolean): Promise<void> {
    await this.update(subject, 'enabled = $2', [enabled]);
  }

  async logoutAll(subject: string): Promise<void> {
    await this.update(subject, 'session_epoch = session_epoch + 1', []);
  }

  async setRoles(subject: string, roles: readonly string[]): Promise<void> {
    await this.update(subject, 'roles = $2', [[...roles].sort()]);
  }

  async getUser(subject: string): Promise<ProviderUser | null> {
    const { rows } = await this.pool.query(
      'SELECT subject, username, enabled, unit_code, roles FROM local_credential WHERE subject = $1',
      [subject],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      subject: row.subject,
      username: row.username,
      enabled: row.enabled,
      unitCode: row.unit_code,
      roles: row.roles,
    };
  }

  async deleteUser(subject: string): Promise<void> {
    await this.pool.query('DELETE FROM local_credential WHERE subject = $1', [subject]);
  }

  /** Checks a sign-in; the same answer for an unknown user and a wrong password. */
  async checkPassword(username: string, password: string): Promise<SignInCheck> {
    const { rows } = await this.pool.query(
      `SELECT subject, enabled, password_hash, password_temporary, session_epoch
       FROM local_credential WHERE username = $1`,
      [username],
    );
    const row = rows[0];
    if (row?.password_hash == null || !(await verifyPassword(password, row.password_hash))) {
      return { ok: false, reason: 'unknown_or_wrong_password' };
    }
    if (!row.enabled) return { ok: false, reason: 'disabled' };
    return {
      ok: true,
      subject: row.subject,
      sessionEpoch: row.session_epoch,
      passwordChangeRequired: row.password_temporary,
    };
  }

  /** The current epoch: a session issued under a smaller one is revoked. */
  async sessionEpoch(subject: string): Promise<number | null> {
    const { rows } = await this.pool.query(
      'SELECT session_epoch FROM local_credential WHERE subject = $1',
      [subject],
    );
    return rows[0]?.session_epoch ?? null;
  }

  private async update(subject: string, set: string, values: unknown[]): Promise<void> {
    const result = await this.pool.query(
      `UPDATE local_credential SET ${set}, updated_at = now() WHERE subject = $1`,
      [subject, ...values],
    );
    if (result.rowCount === 0) throw new Error(`no local user with subject ${subject}`);
  }
}
