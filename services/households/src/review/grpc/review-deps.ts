/** What the review handlers share: dependencies, the round state, the audit stamp. */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { sourceAddressOf, type CallContext } from '@posa/platform';
import type { ReviewRound as ProtoRound } from '@posa/proto';
import type { EventStamp } from '../../events/household-events';
import type { ReviewRound, RoundState } from '../domain/review-round';
import { listMeetings } from '../store/assessment-store';
import { listedHouseholds } from '../store/listing-store';
import type { PredecessorDistricts, Units } from '@posa/units';
import { procedureByCode } from '../store/procedure-store';
import { roundToProto } from './review-mapping';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface ReviewDeps {
  pool: pg.Pool;
  units: Units;
  predecessors: PredecessorDistricts;
  /** Today in Vietnam, YYYY-MM-DD: opening windows, step dates and deadlines use it. */
  today: () => string;
}

export async function loadState(db: Queryable, round: ReviewRound): Promise<RoundState> {
  return {
    round,
    households: await listedHouseholds(db, round.id, round.year),
    meetings: await listMeetings(db, round.id),
  };
}

/** The round as the API returns it, counts taken from its state. */
export async function roundMessage(
  db: Queryable,
  state: RoundState,
  today: string,
): Promise<ProtoRound> {
  const procedure = await procedureByCode(db, state.round.procedureCode);
  return roundToProto(
    state.round,
    {
      householdCount: state.households.length,
      assessedCount: state.households.filter((h) => h.assessment !== null).length,
    },
    procedure.needsDistrictOpinion,
    today,
  );
}

export function stampOf(ctx: CallContext): EventStamp {
  const p = principalOf(ctx);
  return {
    actorId: p.userId,
    actorUnitCode: p.unitCode,
    sourceAddress: sourceAddressOf(ctx),
    at: new Date(),
  };
}
