/**
 * HouseholdClassified: written to the outbox when a round is recognised, one per assessed
 * household. Ids, unit codes and classifications only: no names, no free text.
 */
import type { OutboxEvent } from '@posa/db';
import { HouseholdClassified } from '@posa/proto';
import type { Classification } from '../../domain/classify';
import {
  HOUSEHOLDS_SOURCE,
  HOUSEHOLDS_TOPIC,
  HouseholdEvents,
  type EventStamp,
} from '../../events/household-events';

export interface ClassifiedHousehold {
  householdId: string;
  communeCode: string;
  provinceCode: string;
  year: number;
  classification: Classification;
  previous: Classification | null;
  roundId: string;
  standardCode: string;
}

export function householdClassifiedEvent(c: ClassifiedHousehold, s: EventStamp): OutboxEvent {
  const payload = HouseholdClassified.encode({
    householdId: c.householdId,
    communeCode: c.communeCode,
    provinceCode: c.provinceCode,
    year: c.year,
    classification: c.classification,
    previousClassification: c.previous ?? '',
    roundId: c.roundId,
    standardCode: c.standardCode,
    stamp: { ...s, reason: '' },
  }).finish();
  return {
    topic: HOUSEHOLDS_TOPIC,
    aggregateType: 'household',
    aggregateId: c.householdId,
    type: HouseholdEvents.householdClassified,
    source: HOUSEHOLDS_SOURCE,
    payload,
  };
}
