/** JSON shapes of accounts and audit entries (API bodies and page view models). */
import { AccountStatus, NationalDomain, type Account, type AuditEntry } from '@posa/proto';

export type StatusName = 'active' | 'locked' | 'pending';
export type DomainName = 'social_assistance' | 'poverty_reduction';

export interface AccountJson {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  /** "2024", "2025", or null at the national level. */
  unitStructure: string | null;
  tier: string;
  roles: string[];
  nationalDomain: DomainName | null;
  status: StatusName | null;
  passwordResetRequired: boolean;
  lockReason: string | null;
  createTime: string | null;
  updateTime: string | null;
  /** The account's subject at the identity provider (`sub`; audit entries name actors by it). */
  subject: string | null;
}

export interface AuditEntryJson {
  id: string;
  time: string | null;
  actorId: string;
  /** Username of the actor's account ("" when the actor has none, e.g. a service). */
  actorUsername: string;
  actorUnitCode: string;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectUnitCode: string;
  sourceAddress: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const STATUS_OF_NAME: Record<StatusName, AccountStatus> = {
  active: AccountStatus.ACCOUNT_STATUS_ACTIVE,
  locked: AccountStatus.ACCOUNT_STATUS_LOCKED,
  pending: AccountStatus.ACCOUNT_STATUS_PENDING,
};
export const DOMAIN_OF_NAME: Record<DomainName, NationalDomain> = {
  social_assistance: NationalDomain.NATIONAL_DOMAIN_SOCIAL_ASSISTANCE,
  poverty_reduction: NationalDomain.NATIONAL_DOMAIN_POVERTY_REDUCTION,
};
export const STATUS_NAMES = Object.keys(STATUS_OF_NAME) as StatusName[];
export const DOMAIN_NAMES = Object.keys(DOMAIN_OF_NAME) as DomainName[];

/** The audit actions identity records (the filter offers these). */
export const AUDIT_ACTIONS = [
  'account.create',
  'account.roles',
  'account.lock',
  'account.unlock',
  'account.password_reset',
  'account.password_compromised',
  'village.create',
] as const;

function nameOf<N extends string, V>(table: Record<N, V>, value: V): N | null {
  const found = (Object.keys(table) as N[]).find((k) => table[k] === value);
  return found ?? null;
}

export function isStatusName(value: string): value is StatusName {
  return Object.prototype.hasOwnProperty.call(STATUS_OF_NAME, value);
}

export function isDomainName(value: string): value is DomainName {
  return Object.prototype.hasOwnProperty.call(DOMAIN_OF_NAME, value);
}

export function accountJson(a: Account): AccountJson {
  return {
    id: a.accountId,
    username: a.username,
    displayName: a.displayName,
    unitCode: a.unitCode,
    unitStructure: a.unitStructure === '' ? null : a.unitStructure,
    tier: a.tier,
    roles: [...a.roles],
    nationalDomain: nameOf(DOMAIN_OF_NAME, a.nationalDomain),
    status: nameOf(STATUS_OF_NAME, a.status),
    passwordResetRequired: a.passwordResetRequired,
    lockReason: a.lockReason === '' ? null : a.lockReason,
    createTime: a.createTime?.toISOString() ?? null,
    updateTime: a.updateTime?.toISOString() ?? null,
    subject: a.subject === '' ? null : a.subject,
  };
}

/** The account of a response (identity always sends one; its absence is a defect). */
export function requiredAccount(a: Account | undefined): AccountJson {
  if (a === undefined) throw new Error('identity answered without an account');
  return accountJson(a);
}

/** Parses a before/after JSON text; anything but an object is kept under `value`. */
export function parseSnapshot(text: string): Record<string, unknown> | null {
  if (text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    return { value: parsed };
  } catch {
    return { value: text };
  }
}

export function auditEntryJson(e: AuditEntry): AuditEntryJson {
  return {
    id: e.id,
    time: e.occurTime?.toISOString() ?? null,
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorUnitCode: e.actorUnitCode,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectUnitCode: e.subjectUnitCode,
    sourceAddress: e.sourceAddress,
    before: parseSnapshot(e.beforeJson),
    after: parseSnapshot(e.afterJson),
  };
}
