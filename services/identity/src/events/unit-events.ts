/** Events of the unit catalogue, written to the outbox in the transaction of the change. */
import type { OutboxEvent } from '@posa/db';
import { IdentityEvents, serviceTopic } from '@posa/events';
import { UnitCreated } from '@posa/proto';

export const IDENTITY_TOPIC = serviceTopic('identity');
export const IDENTITY_SOURCE = '/services/identity';

export interface UnitCreatedInput {
  unitCode: string;
  parentCode: string;
  level: 'province' | 'district' | 'commune' | 'village';
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

/** posa.events.v1.UnitCreated (ce_type com.posa.identity.unit-created.v1), keyed by the unit code. */
export function unitCreatedEvent(input: UnitCreatedInput): OutboxEvent {
  const payload = UnitCreated.encode({
    unitCode: input.unitCode,
    parentCode: input.parentCode,
    level: input.level,
    stamp: {
      actorId: input.actorId,
      actorUnitCode: input.actorUnitCode,
      at: input.at,
      sourceAddress: input.sourceAddress,
      reason: '',
    },
  }).finish();
  return {
    topic: IDENTITY_TOPIC,
    aggregateType: 'unit',
    aggregateId: input.unitCode,
    type: IdentityEvents.unitCreated,
    source: IDENTITY_SOURCE,
    payload,
  };
}
