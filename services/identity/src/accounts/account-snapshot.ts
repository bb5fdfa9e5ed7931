/** What the audit trail keeps of an account before and after a change (never a password). */
import type { StoredAccount } from '../store/account-store';

export function accountSnapshot(a: StoredAccount): Record<string, unknown> {
  return {
    id: a.id,
    username: a.username,
    unitCode: a.unitCode,
    unitStructure: a.unitStructure,
    tier: a.tier,
    roles: a.roles,
    nationalDomain: a.nationalDomain,
    status: a.status,
    passwordResetRequired: a.passwordResetRequired,
    lockReason: a.lockReason,
  };
}
