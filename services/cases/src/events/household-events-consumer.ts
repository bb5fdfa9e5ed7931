/**
 * Consumer group `cases` of posa.households.events.v1. A member reported deceased (MemberDeceased)
 * or moved out of the commune (MemberMoved, kind out_of_commune) raises an open review flag on
 * each active or suspended case of that member, with a 'flagged' step. It never changes the
 * allowance: stopping or moving the payment takes a decision (thôi hưởng, chuyển đi). Other
 * household events are read and ignored. Each event is handled once (inbox) in one transaction.
 */
import type pg from 'pg';
import {
  HouseholdsEvents,
  serviceTopic,
  startEventConsumption,
  type EventConsumptionOptions,
  type EventHandler,
  type EventsLogger,
  type InProcessBus,
} from '@posa/events';
import { MemberDeceased, MemberMoved } from '@posa/proto';
import { raiseFlags, type FlagReason } from '../store/review-flag-store';

export const HOUSEHOLDS_TOPIC = serviceTopic('households');
export const CASES_GROUP = 'cases';

export interface HouseholdEventsConsumerOptions {
  pool: pg.Pool;
  transport: 'in-process' | 'kafka';
  brokers: readonly string[];
  bus?: InProcessBus;
  logger: EventsLogger;
  registry?: EventConsumptionOptions['registry'];
}

export interface HouseholdEventsConsumer {
  stop(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MemberFact {
  memberId: string;
  reason: FlagReason;
  actorId: string;
  actorUnitCode: string;
}

/** The member fact an event reports, or undefined when it is none of the cases' business. */
function memberFactOf(type: string, data: Uint8Array): MemberFact | undefined {
  if (type === HouseholdsEvents.memberDeceased) {
    const e = MemberDeceased.decode(data);
    return {
      memberId: e.memberId,
      reason: 'member_deceased',
      actorId: e.stamp?.actorId ?? '',
      actorUnitCode: e.stamp?.actorUnitCode ?? '',
    };
  }
  if (type === HouseholdsEvents.memberMoved) {
    const e = MemberMoved.decode(data);
    if (e.kind !== 'out_of_commune') return undefined;
    return {
      memberId: e.memberId,
      reason: 'member_moved_out',
      actorId: e.stamp?.actorId ?? '',
      actorUnitCode: e.stamp?.actorUnitCode ?? '',
    };
  }
  return undefined;
}

/** The handler: flags the member's running cases; logs ids of events and cases only. */
export function householdEventHandler(logger: EventsLogger): EventHandler {
  return async (event, client) => {
    const fact = memberFactOf(event.type, event.data);
    if (fact === undefined) return;
    if (!UUID.test(fact.memberId)) {
      logger.warn({ eventId: event.id, type: event.type }, 'household event without a member id');
      return;
    }
    const flagged = await raiseFlags(client, {
      memberId: fact.memberId.toLowerCase(),
      reason: fact.reason,
      sourceEventId: event.id,
      actorId: fact.actorId === '' ? 'households' : fact.actorId,
      actorUnitCode: fact.actorUnitCode === '' ? 'VN' : fact.actorUnitCode,
      at: new Date().toISOString(),
    });
    if (flagged.length > 0) {
      logger.info(
        { eventId: event.id, reason: fact.reason, caseIds: flagged },
        'cases flagged for review',
      );
    }
  };
}

export async function startHouseholdEventsConsumer(
  options: HouseholdEventsConsumerOptions,
): Promise<HouseholdEventsConsumer> {
  return startEventConsumption({
    service: CASES_GROUP,
    topics: [HOUSEHOLDS_TOPIC],
    pool: options.pool,
    handler: householdEventHandler(options.logger),
    transport: options.transport,
    brokers: options.brokers,
    bus: options.bus,
    logger: options.logger,
    registry: options.registry,
  });
}
