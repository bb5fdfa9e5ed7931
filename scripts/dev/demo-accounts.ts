/**
 * Demo accounts of the embedded run, created at first start through identity's account
 * creation path (validation, grant rules, audit entry, AccountCreated event) by a system
 * actor, then given their fixed demo password as a permanent one. Development only: the
 * passwords are printed at start and written in this file.
 */
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import { AlreadyExistsError, type Logger } from '@posa/platform';
import { createAccount } from '../../services/identity/src/accounts/create-account';
import type { AccountDeps, Caller } from '../../services/identity/src/accounts/account-context';
import { loadUnitTree } from '../../services/identity/src/app';
import type { NationalDomainCode } from '../../services/identity/src/domain/access-model';
import {
  validateDisplayName,
  validateDomain,
  validateInitialPassword,
  validateRoles,
  validateUnitCode,
  validateUsername,
} from '../../services/identity/src/domain/account-input';
import type { IdentityProviderAdmin } from '../../services/identity/src/keycloak/identity-provider-admin';
import { loadAccessData } from '../../services/identity/src/store/access-store';
import { updateAccount } from '../../services/identity/src/store/account-store';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  unitCode: string;
  unitLabel: string;
  roles: string[];
  domain: NationalDomainCode | null;
}

/** Ministry, province and commune tiers; Tuyên Quang (took over Hà Giang, 02) and Hà Nội. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'demo.bo',
    password: 'Posa-Bo-2025',
    displayName: 'Trần Quốc Bảo',
    unitCode: 'VN',
    unitLabel: 'Bộ (quốc gia)',
    roles: ['system_admin'],
    domain: null,
  },
  {
    username: 'demo.bo.tgxh',
    password: 'Posa-Tgxh-2025',
    displayName: 'Lê Thu Hà',
    unitCode: 'VN',
    unitLabel: 'Bộ Y tế, trợ giúp xã hội',
    roles: ['analyst', 'officer'],
    domain: 'social_assistance',
  },
  {
    username: 'demo.tq.tinh',
    password: 'Posa-Tinh08-2025',
    displayName: 'Hoàng Văn Nam',
    unitCode: '08',
    unitLabel: 'Tỉnh Tuyên Quang (08)',
    roles: ['approver', 'unit_admin'],
    domain: null,
  },
  {
    username: 'demo.tq.xa',
    password: 'Posa-Xa00691-2025',
    displayName: 'Vàng Thị Mai',
    unitCode: '00691',
    unitLabel: 'Phường Hà Giang 2 (00691), ex Hà Giang',
    roles: ['officer'],
    domain: null,
  },
  {
    username: 'demo.hn.tinh',
    password: 'Posa-Tinh01-2025',
    displayName: 'Phạm Minh Đức',
    unitCode: '01',
    unitLabel: 'Thành phố Hà Nội (01)',
    roles: ['analyst', 'unit_admin'],
    domain: null,
  },
  {
    username: 'demo.hn.xa',
    password: 'Posa-Xa00004-2025',
    displayName: 'Nguyễn Thị Lan',
    unitCode: '00004',
    unitLabel: 'Phường Ba Đình (00004)',
    roles: ['approver', 'officer'],
    domain: null,
  },
  {
    username: 'demo.hn.xa.admin',
    password: 'Posa-XaAdmin-2025',
    displayName: 'Đỗ Văn Hùng',
    unitCode: '00004',
    unitLabel: 'Phường Ba Đình (00004)',
    roles: ['unit_admin'],
    domain: null,
  },
];

/** The system actor recorded in the audit trail for demo accounts. */
export const DEMO_SYSTEM_ACTOR = '00000000-0000-0000-0000-00000000de30';

async function accountDeps(
  pool: pg.Pool,
  idp: IdentityProviderAdmin,
  logger: Logger,
  today: () => string,
): Promise<AccountDeps> {
  const trees = {
    '2024': await loadUnitTree(pool, '2024'),
    '2025': await loadUnitTree(pool, '2025'),
  };
  const access = await loadAccessData(pool);
  const { rows } = await pool.query(
    'SELECT old_province_code, new_province_code FROM province_merger',
  );
  const successors = new Map(
    rows.map((r: { old_province_code: string; new_province_code: string }) => [
      r.old_province_code,
      r.new_province_code,
    ]),
  );
  return {
    pool,
    idp,
    logger,
    today,
    trees: () => trees,
    access: () => access,
    successorProvince: () => successors,
  };
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function ensureDemoAccounts(
  pool: pg.Pool,
  idp: IdentityProviderAdmin,
  logger: Logger,
  today: () => string,
  accounts: readonly DemoAccount[] = DEMO_ACCOUNTS,
): Promise<number> {
  const deps = await accountDeps(pool, idp, logger, today);
  const caller: Caller = {
    actor: {
      userId: DEMO_SYSTEM_ACTOR,
      unitCode: 'VN',
      roles: new Set(['system_admin']),
      isService: false,
      domain: null,
    },
    sourceAddress: '127.0.0.1',
  };
  let created = 0;
  for (const demo of accounts) {
    const username = validateUsername(demo.username);
    const roles = validateRoles(demo.roles);
    const unitCode = validateUnitCode(demo.unitCode);
    // Read-only check so a restart does not even try (creation itself is identity's path).
    const existing = await pool.query('SELECT 1 FROM account WHERE username = $1', [username]);
    if (existing.rowCount !== 0) continue;
    try {
      const account = await createAccount(deps, caller, {
        username,
        name: validateDisplayName(demo.displayName),
        unitCode,
        roles,
        domain: validateDomain(unitCode, roles, demo.domain),
        password: validateInitialPassword(demo.password, username),
      });
      // The demo password is permanent: no change is asked at the first sign-in.
      await idp.setPassword(account.subject!, demo.password, false);
      await withTransaction(pool, (client) =>
        updateAccount(client, account.id, { passwordResetRequired: false }),
      );
      created += 1;
    } catch (err) {
      if (!(err instanceof AlreadyExistsError)) throw err;
    }
  }
  logger.info({ created, total: accounts.length }, 'demo accounts ready');
  return created;
}
