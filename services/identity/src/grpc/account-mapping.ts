/** Accounts, drift reports and audit entries between the store and the proto messages. */
import { InvalidArgumentError } from '@posa/platform';
import {
  AccountStatus,
  NationalDomain,
  type Account,
  type AuditEntry,
  type DriftReport,
} from '@posa/proto';
import type { NationalDomainCode } from '../domain/access-model';
import type { AccountStatusName, StoredAccount } from '../store/account-store';
import type { StoredAuditEntry } from '../store/audit-query';
import type { StoredDrift } from '../store/drift-store';

const STATUS: Record<AccountStatusName, AccountStatus> = {
  active: AccountStatus.ACCOUNT_STATUS_ACTIVE,
  locked: AccountStatus.ACCOUNT_STATUS_LOCKED,
  pending: AccountStatus.ACCOUNT_STATUS_PENDING,
};

export function domainFromProto(value: NationalDomain): NationalDomainCode | null {
  switch (value) {
    case NationalDomain.NATIONAL_DOMAIN_UNSPECIFIED:
      return null;
    case NationalDomain.NATIONAL_DOMAIN_SOCIAL_ASSISTANCE:
      return 'social_assistance';
    case NationalDomain.NATIONAL_DOMAIN_POVERTY_REDUCTION:
      return 'poverty_reduction';
    default:
      throw new InvalidArgumentError('national_domain', 'unknown value');
  }
}

export function domainToProto(value: NationalDomainCode | null): NationalDomain {
  if (value === 'social_assistance') return NationalDomain.NATIONAL_DOMAIN_SOCIAL_ASSISTANCE;
  if (value === 'poverty_reduction') return NationalDomain.NATIONAL_DOMAIN_POVERTY_REDUCTION;
  return NationalDomain.NATIONAL_DOMAIN_UNSPECIFIED;
}

export function statusFromProto(value: AccountStatus): AccountStatusName | null {
  if (value === AccountStatus.ACCOUNT_STATUS_UNSPECIFIED) return null;
  const found = (Object.keys(STATUS) as AccountStatusName[]).find((k) => STATUS[k] === value);
  if (found === undefined) throw new InvalidArgumentError('status', 'unknown value');
  return found;
}

export function accountToProto(a: StoredAccount): Account {
  return {
    accountId: a.id,
    username: a.username,
    displayName: a.displayName,
    unitCode: a.unitCode,
    unitStructure: a.unitStructure ?? '',
    tier: a.tier,
    roles: a.roles,
    nationalDomain: domainToProto(a.nationalDomain),
    status: STATUS[a.status],
    passwordResetRequired: a.passwordResetRequired,
    lockReason: a.lockReason ?? '',
    createTime: a.createdAt,
    updateTime: a.updatedAt,
    subject: a.subject ?? '',
  };
}

export function driftToProto(d: StoredDrift): DriftReport {
  return {
    id: d.id,
    accountId: d.accountId,
    kind: d.kind,
    expectedJson: JSON.stringify(d.expected),
    actualJson: JSON.stringify(d.actual),
    firstSeenTime: d.firstSeenAt,
    lastSeenTime: d.lastSeenAt,
    resolvedTime: d.resolvedAt ?? undefined,
  };
}

export function auditToProto(e: StoredAuditEntry): AuditEntry {
  return {
    id: e.id,
    occurTime: e.occurredAt,
    actorId: e.actorId,
    actorUnitCode: e.actorUnitCode,
    action: e.action,
    subjectType: e.targetType,
    subjectId: e.targetId,
    subjectUnitCode: e.unitCode,
    sourceAddress: e.sourceAddress,
    beforeJson: e.before === null ? '' : JSON.stringify(e.before),
    afterJson: e.after === null ? '' : JSON.stringify(e.after),
    actorUsername: e.actorUsername ?? '',
  };
}
