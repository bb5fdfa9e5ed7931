/**
 * Account events, written to the outbox in the transaction of the change. Payloads carry
 * ids, unit codes and roles only: no names, usernames or other personal data.
 */
import type { OutboxEvent } from '@posa/db';
import { IdentityEvents } from '@posa/events';
import { AccountCreated, AccountLocked, AccountRolesChanged, AccountUnlocked } from '@posa/proto';
import { IDENTITY_SOURCE, IDENTITY_TOPIC } from './unit-events';

export interface EventStamp {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

const stampOf = (s: EventStamp, reason = '') => ({
  actorId: s.actorId,
  actorUnitCode: s.actorUnitCode,
  at: s.at,
  sourceAddress: s.sourceAddress,
  reason,
});

function event(accountId: string, type: string, payload: Uint8Array): OutboxEvent {
  return {
    topic: IDENTITY_TOPIC,
    aggregateType: 'account',
    aggregateId: accountId,
    type,
    source: IDENTITY_SOURCE,
    payload,
  };
}

export function accountCreatedEvent(
  a: { accountId: string; unitCode: string; roles: readonly string[] },
  stamp: EventStamp,
): OutboxEvent {
  const payload = AccountCreated.encode({
    accountId: a.accountId,
    unitCode: a.unitCode,
    roles: [...a.roles],
    stamp: stampOf(stamp),
  }).finish();
  return event(a.accountId, IdentityEvents.accountCreated, payload);
}

export function accountLockedEvent(
  a: { accountId: string; unitCode: string; reasonCode: string },
  stamp: EventStamp,
): OutboxEvent {
  const payload = AccountLocked.encode({
    accountId: a.accountId,
    unitCode: a.unitCode,
    reasonCode: a.reasonCode,
    stamp: stampOf(stamp),
  }).finish();
  return event(a.accountId, IdentityEvents.accountLocked, payload);
}

export function accountUnlockedEvent(
  a: { accountId: string; unitCode: string },
  stamp: EventStamp,
): OutboxEvent {
  const payload = AccountUnlocked.encode({
    accountId: a.accountId,
    unitCode: a.unitCode,
    passwordResetRequired: true,
    stamp: stampOf(stamp),
  }).finish();
  return event(a.accountId, IdentityEvents.accountUnlocked, payload);
}

export function accountRolesChangedEvent(
  a: { accountId: string; unitCode: string; before: readonly string[]; after: readonly string[] },
  stamp: EventStamp,
): OutboxEvent {
  const payload = AccountRolesChanged.encode({
    accountId: a.accountId,
    unitCode: a.unitCode,
    rolesBefore: [...a.before],
    rolesAfter: [...a.after],
    stamp: stampOf(stamp),
  }).finish();
  return event(a.accountId, IdentityEvents.accountRolesChanged, payload);
}
