/**
 * Drift reconciliation: compares every account with its user in the identity provider
 * (enabled, POSA roles, unit_code) and records differences in drift_report. It never
 * changes either side: an administrator decides. Logs carry counts and account ids only.
 * One run at a time per database (advisory lock), so replicas may all schedule it.
 */
import type pg from 'pg';
import type { Logger } from '@posa/platform';
import type { IdentityProviderAdmin, ProviderUser } from '../keycloak/identity-provider-admin';
import { accountsAfter, type StoredAccount } from '../store/account-store';
import { recordCheck, type Difference } from '../store/drift-store';

export interface ReconcileResult {
  accountsChecked: number;
  differences: number;
  resolved: number;
  /** False when another run held the lock. */
  ran: boolean;
}

/** Pending rows younger than this are creates in flight, not drift. */
const PENDING_GRACE_MS = 5 * 60_000;

/** The differences between one account and its provider user (pure). */
export function compareAccount(
  account: StoredAccount,
  user: ProviderUser | null,
  now: Date,
): Difference[] {
  if (account.status === 'pending' || account.subject === null) {
    if (now.getTime() - account.createdAt.getTime() < PENDING_GRACE_MS) return [];
    return [
      {
        kind: 'provisioning_incomplete',
        expected: { status: 'active' },
        actual: { status: 'pending', providerUser: user !== null },
      },
    ];
  }
  if (user === null)
    return [{ kind: 'missing_in_provider', expected: { subject: account.subject }, actual: null }];
  const found: Difference[] = [];
  const enabled = account.status === 'active';
  if (user.enabled !== enabled)
    found.push({
      kind: 'enabled_mismatch',
      expected: { enabled },
      actual: { enabled: user.enabled },
    });
  const roles = [...account.roles].sort();
  if (roles.join(',') !== [...user.roles].sort().join(',')) {
    found.push({
      kind: 'roles_mismatch',
      expected: { roles },
      actual: { roles: [...user.roles].sort() },
    });
  }
  if (user.unitCode !== account.unitCode) {
    found.push({
      kind: 'unit_mismatch',
      expected: { unitCode: account.unitCode },
      actual: { unitCode: user.unitCode },
    });
  }
  return found;
}

const LOCK = "hashtextextended('posa_identity_reconcile', 0)";

export async function reconcileAccounts(
  pool: pg.Pool,
  idp: IdentityProviderAdmin,
  logger: Logger,
): Promise<ReconcileResult> {
  const lockClient = await pool.connect();
  const result: ReconcileResult = { accountsChecked: 0, differences: 0, resolved: 0, ran: false };
  try {
    const { rows } = await lockClient.query(`SELECT pg_try_advisory_lock(${LOCK}) AS ok`);
    if (rows[0]?.ok !== true) return result;
    result.ran = true;
    const byKind: Record<string, number> = {};
    const drifted: string[] = [];
    let after: string | null = null;
    for (;;) {
      const batch = await accountsAfter(pool, after, 200);
      if (batch.length === 0) break;
      for (const account of batch) {
        const user = account.subject === null ? null : await idp.getUser(account.subject);
        const found = compareAccount(account, user, new Date());
        result.resolved += await recordCheck(pool, account.id, found);
        result.accountsChecked++;
        result.differences += found.length;
        if (found.length > 0) drifted.push(account.id);
        for (const d of found) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
      }
      after = batch[batch.length - 1]!.id;
    }
    const log = result.differences > 0 ? logger.warn.bind(logger) : logger.info.bind(logger);
    log(
      {
        accountsChecked: result.accountsChecked,
        differences: byKind,
        resolved: result.resolved,
        accountIds: drifted.slice(0, 50),
      },
      'account reconciliation finished',
    );
    return result;
  } finally {
    if (result.ran)
      await lockClient.query(`SELECT pg_advisory_unlock(${LOCK})`).catch(() => undefined);
    lockClient.release();
  }
}
