/**
 * The "set a new password" step of a sign-in with a temporary password. A correct temporary
 * password parks the interaction here (keyed by its uid, which oidc-provider binds to the
 * browser's signed interaction cookie); the next POST of that interaction must carry a new
 * password meeting the policy. Nothing about the temporary password itself is kept.
 */
import type { AccountSource } from './account-source';
import { checkNewPassword, type PasswordFailure } from './password-policy';

/** How long the new-password page stays usable after the temporary password was checked. */
export const PENDING_CHANGE_TTL_MS = 10 * 60 * 1000;

export interface PendingChange {
  subject: string;
  username: string;
  sessionEpoch: number;
  replace(password: string): Promise<void>;
  expiresAt: number;
}

/** Interactions waiting for a new password, by interaction uid; expired entries are dropped. */
export class PendingChanges {
  private readonly byUid = new Map<string, PendingChange>();

  constructor(private readonly now: () => number = Date.now) {}

  put(uid: string, change: Omit<PendingChange, 'expiresAt'>): void {
    const now = this.now();
    for (const [key, value] of this.byUid) if (value.expiresAt <= now) this.byUid.delete(key);
    this.byUid.set(uid, { ...change, expiresAt: now + PENDING_CHANGE_TTL_MS });
  }

  get(uid: string): PendingChange | undefined {
    const change = this.byUid.get(uid);
    if (change !== undefined && change.expiresAt <= this.now()) {
      this.byUid.delete(uid);
      return undefined;
    }
    return change;
  }

  delete(uid: string): void {
    this.byUid.delete(uid);
  }
}

export type ChangeOutcome =
  | { ok: true; sessionEpoch: number }
  | { ok: false; failures: PasswordFailure[] }
  /** The account was locked or its sessions revoked meanwhile: sign in again. */
  | { ok: false; restart: 'disabled' | 'expired' };

/**
 * Checks the new password (policy, confirmation, not the temporary one), then stores it
 * as permanent through identity. The account must still be active under the same epoch.
 */
export async function applyNewPassword(
  accounts: AccountSource,
  change: PendingChange,
  password: string,
  confirmation: string,
): Promise<ChangeOutcome> {
  const failures = checkNewPassword(password, confirmation, change.username);
  if (failures.length > 0) return { ok: false, failures };
  const account = await accounts.account(change.subject);
  if (account === null || !account.active) return { ok: false, restart: 'disabled' };
  if (account.sessionEpoch !== change.sessionEpoch) return { ok: false, restart: 'expired' };
  // The temporary password itself still opens the account: then it is being reused.
  const same = await accounts.checkPassword(change.username, password);
  if (same.ok && same.subject === change.subject && same.passwordChangeRequired) {
    return { ok: false, failures: ['newReused'] };
  }
  await change.replace(password);
  return { ok: true, sessionEpoch: account.sessionEpoch };
}
