/** SQL of accounts and their roles. */
import type pg from 'pg';
import type { NationalDomainCode, TierCode } from '../domain/access-model';
import { scopeCondition, type JurisdictionScope } from './jurisdiction-scope';

type Queryable = Pick<pg.Pool, 'query'>;

export type AccountStatusName = 'pending' | 'active' | 'locked';

export interface StoredAccount {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitStructure: '2024' | '2025' | null;
  unitPath: string;
  provinceCode: string | null;
  tier: TierCode;
  nationalDomain: NationalDomainCode | null;
  status: AccountStatusName;
  passwordResetRequired: boolean;
  lockReason: string | null;
  subject: string | null;
  roles: string[];
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `a.id, a.username, a.display_name AS "displayName", a.unit_code AS "unitCode",
  a.unit_structure AS "unitStructure", a.unit_path AS "unitPath", a.province_code AS "provinceCode",
  a.tier, a.national_domain AS "nationalDomain", a.status,
  a.password_reset_required AS "passwordResetRequired", a.lock_reason AS "lockReason", a.subject,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM account_role r WHERE r.account_id = a.id), '{}') AS roles`;

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitStructure: '2024' | '2025' | null;
  tier: TierCode;
  nationalDomain: NationalDomainCode | null;
  roles: readonly string[];
  createdBy: string;
}

/** Inserts a pending account (path and province from the unit table). UNIQUE username. */
export async function insertPendingAccount(client: pg.PoolClient, a: NewAccount): Promise<void> {
  await client.query(
    `INSERT INTO account (id, username, display_name, unit_code, unit_structure, unit_path, province_code,
                          tier, national_domain, status, created_by)
     SELECT $1, $2, $3, $4, $5::text, COALESCE(u.path, ''), u.province_code, $6, $7, 'pending', $8
     FROM (SELECT 1) one LEFT JOIN unit u ON u.structure = $5::text AND u.code = $4`,
    [
      a.id,
      a.username,
      a.displayName,
      a.unitCode,
      a.unitStructure,
      a.tier,
      a.nationalDomain,
      a.createdBy,
    ],
  );
  await replaceRoles(client, a.id, a.roles);
}

export async function replaceRoles(
  client: pg.PoolClient,
  id: string,
  roles: readonly string[],
): Promise<void> {
  await client.query('DELETE FROM account_role WHERE account_id = $1', [id]);
  await client.query('INSERT INTO account_role (account_id, role) SELECT $1, unnest($2::text[])', [
    id,
    [...roles],
  ]);
}

export async function getAccount(db: Queryable, id: string): Promise<StoredAccount | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account a WHERE a.id = $1`, [id]);
  return rows[0];
}

export async function getAccountBySubject(
  db: Queryable,
  subject: string,
): Promise<StoredAccount | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account a WHERE a.subject = $1`, [
    subject,
  ]);
  return rows[0];
}

/** Locks the row for the rest of the transaction and returns it. */
export async function lockAccount(
  client: pg.PoolClient,
  id: string,
): Promise<StoredAccount | undefined> {
  await client.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [id]);
  return getAccount(client, id);
}

export interface AccountChanges {
  status?: AccountStatusName;
  passwordResetRequired?: boolean;
  lockReason?: string | null;
  subject?: string;
  nationalDomain?: NationalDomainCode | null;
}

export async function updateAccount(
  client: pg.PoolClient,
  id: string,
  changes: AccountChanges,
): Promise<void> {
  const sets: string[] = ['updated_at = now()', 'version = version + 1'];
  const params: unknown[] = [id];
  const add = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.status !== undefined) add('status', changes.status);
  if (changes.passwordResetRequired !== undefined)
    add('password_reset_required', changes.passwordResetRequired);
  if (changes.lockReason !== undefined) add('lock_reason', changes.lockReason);
  if (changes.subject !== undefined) add('subject', changes.subject);
  if (changes.nationalDomain !== undefined) add('national_domain', changes.nationalDomain);
  await client.query(`UPDATE account SET ${sets.join(', ')} WHERE id = $1`, params);
}

export async function deleteAccount(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM account WHERE id = $1', [id]);
}

export interface AccountFilter {
  scope: JurisdictionScope;
  /** Only this unit and below (a scope itself). */
  within: JurisdictionScope | null;
  role: string | null;
  status: AccountStatusName | null;
  afterUsername: string | null;
  limit: number;
  /** One account only (GetAccount within a scope). */
  id: string | null;
}

export async function listAccounts(db: Queryable, f: AccountFilter): Promise<StoredAccount[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const scoped = (scope: JurisdictionScope) => {
    const c = scopeCondition(scope, 'a', params.length + 1);
    params.push(...c.params);
    where.push(c.sql);
  };
  scoped(f.scope);
  if (f.within !== null) scoped(f.within);
  if (f.role !== null) {
    params.push(f.role);
    where.push(
      `EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = $${params.length})`,
    );
  }
  if (f.status !== null) {
    params.push(f.status);
    where.push(`a.status = $${params.length}`);
  }
  if (f.id !== null) {
    params.push(f.id);
    where.push(`a.id = $${params.length}`);
  }
  if (f.afterUsername !== null) {
    params.push(f.afterUsername);
    where.push(`a.username > $${params.length}`);
  }
  params.push(f.limit);
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM account a WHERE ${where.join(' AND ')} ORDER BY a.username LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** Every provisioned or pending account, for reconciliation (id order, in batches). */
export async function accountsAfter(
  db: Queryable,
  afterId: string | null,
  limit: number,
): Promise<StoredAccount[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM account a WHERE ($1::uuid IS NULL OR a.id > $1::uuid) ORDER BY a.id LIMIT $2`,
    [afterId, limit],
  );
  return rows;
}
