/**
 * Events of the household registry, written to the outbox in the transaction of the change.
 * Payloads carry ids, unit codes and the kind of change: no names, citizen IDs or reasons.
 */
import type { OutboxEvent } from '@posa/db';
import { HouseholdsEvents, serviceTopic } from '@posa/events';
import { HouseholdChanged, HouseholdCreated, MemberDeceased, MembersMerged } from '@posa/proto';
import type { HouseholdRecord } from '../domain/household-state';

/** The topic and event types come from the catalogue in @posa/events (and its AsyncAPI file). */
export const HOUSEHOLDS_TOPIC = serviceTopic('households');
export const HOUSEHOLDS_SOURCE = '/services/households';
export const HouseholdEvents = HouseholdsEvents;

export interface EventStamp {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

function stampOf(s: EventStamp) {
  return { ...s, reason: '' };
}

function outbox(h: HouseholdRecord, type: string, payload: Uint8Array): OutboxEvent {
  return {
    topic: HOUSEHOLDS_TOPIC,
    aggregateType: 'household',
    aggregateId: h.id,
    type,
    source: HOUSEHOLDS_SOURCE,
    payload,
  };
}

export function householdCreatedEvent(
  h: HouseholdRecord,
  memberCount: number,
  s: EventStamp,
  splitFromHouseholdId = '',
): OutboxEvent {
  const payload = HouseholdCreated.encode({
    householdId: h.id,
    householdCode: h.code,
    communeCode: h.communeCode,
    provinceCode: h.provinceCode,
    memberCount,
    stamp: stampOf(s),
    splitFromHouseholdId,
  }).finish();
  return outbox(h, HouseholdEvents.householdCreated, payload);
}

export function householdChangedEvent(
  h: HouseholdRecord,
  changeKind: string,
  memberId: string | null,
  s: EventStamp,
): OutboxEvent {
  const payload = HouseholdChanged.encode({
    householdId: h.id,
    communeCode: h.communeCode,
    provinceCode: h.provinceCode,
    changeKind,
    memberId: memberId ?? '',
    version: h.version,
    stamp: stampOf(s),
  }).finish();
  return outbox(h, HouseholdEvents.householdChanged, payload);
}

export function memberDeceasedEvent(
  h: HouseholdRecord,
  memberId: string,
  s: EventStamp,
): OutboxEvent {
  const payload = MemberDeceased.encode({
    householdId: h.id,
    memberId,
    communeCode: h.communeCode,
    provinceCode: h.provinceCode,
    version: h.version,
    stamp: stampOf(s),
  }).finish();
  return outbox(h, HouseholdEvents.memberDeceased, payload);
}

/** A confirmed merge (gộp hồ sơ trùng), keyed by the household of the absorbed member. */
export function membersMergedEvent(
  merge: { id: string; keptMemberId: string; mergedMemberId: string },
  kept: HouseholdRecord,
  merged: HouseholdRecord,
  s: EventStamp,
): OutboxEvent {
  const payload = MembersMerged.encode({
    mergeId: merge.id,
    keptMemberId: merge.keptMemberId,
    keptHouseholdId: kept.id,
    mergedMemberId: merge.mergedMemberId,
    mergedHouseholdId: merged.id,
    communeCode: merged.communeCode,
    provinceCode: merged.provinceCode,
    keptHouseholdVersion: kept.version,
    mergedHouseholdVersion: merged.version,
    stamp: stampOf(s),
  }).finish();
  return outbox(merged, HouseholdEvents.membersMerged, payload);
}
