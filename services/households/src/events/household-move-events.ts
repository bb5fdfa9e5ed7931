/**
 * Events of household moves (biến động nhân khẩu, nhập hộ), written to the outbox in the
 * move's transaction. Ids and unit codes only: no names, citizen IDs or reasons.
 */
import type { OutboxEvent } from '@posa/db';
import { HouseholdsMerged, MemberMoved } from '@posa/proto';
import type { HouseholdRecord } from '../domain/household-state';
import {
  HOUSEHOLDS_SOURCE,
  HOUSEHOLDS_TOPIC,
  HouseholdEvents,
  type EventStamp,
} from './household-events';

function outbox(key: HouseholdRecord, type: string, payload: Uint8Array): OutboxEvent {
  return {
    topic: HOUSEHOLDS_TOPIC,
    aggregateType: 'household',
    aggregateId: key.id,
    type,
    source: HOUSEHOLDS_SOURCE,
    payload,
  };
}

/** Keyed by the household left; `to` is the receiving household, or null when out of commune. */
export function memberMovedEvent(
  memberId: string,
  from: HouseholdRecord,
  to: HouseholdRecord | null,
  destinationUnitCode: string | null,
  s: EventStamp,
): OutboxEvent {
  const payload = MemberMoved.encode({
    memberId,
    fromHouseholdId: from.id,
    toHouseholdId: to?.id ?? '',
    destinationUnitCode: destinationUnitCode ?? '',
    kind: to === null ? 'out_of_commune' : 'within_commune',
    communeCode: from.communeCode,
    provinceCode: from.provinceCode,
    fromVersion: from.version,
    stamp: { ...s, reason: '' },
  }).finish();
  return outbox(from, HouseholdEvents.memberMoved, payload);
}

/** Keyed by the surviving household. */
export function householdsMergedEvent(
  surviving: HouseholdRecord,
  absorbed: HouseholdRecord,
  s: EventStamp,
): OutboxEvent {
  const payload = HouseholdsMerged.encode({
    survivingHouseholdId: surviving.id,
    absorbedHouseholdId: absorbed.id,
    communeCode: surviving.communeCode,
    provinceCode: surviving.provinceCode,
    survivingVersion: surviving.version,
    absorbedVersion: absorbed.version,
    stamp: { ...s, reason: '' },
  }).finish();
  return outbox(surviving, HouseholdEvents.householdsMerged, payload);
}
