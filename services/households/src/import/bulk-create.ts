/**
 * Set-based writing of the new households of an import: codes reserved per batch in one
 * statement, then COPY of the household, member, change-log, outbox and outcome rows, all
 * on the import's transaction. The records are built once in memory, so the change log
 * holds the same JSON as a household created through CreateHousehold.
 */
import { timeOrderedId } from '@posa/platform';
import type pg from 'pg';
import type { HouseholdRecord, MemberRecord } from '../domain/household-state';
import { householdCreatedEvent } from '../events/household-events';
import {
  HOUSEHOLD_ROW_COLUMNS,
  householdRowValues,
  MEMBER_ROW_COLUMNS,
  memberRowValues,
  type ChangeActor,
} from '../store/household-writes';
import { byteaText, copyLine, copyRows } from './copy-text';
import type { ImportHousehold } from './household-group';

export interface CreatedHousehold {
  firstRow: number;
  household: HouseholdRecord;
  members: MemberRecord[];
}

/** Reserves `count` consecutive household codes of the commune and year. */
export async function reserveCodes(
  client: pg.PoolClient,
  communeCode: string,
  year: number,
  count: number,
): Promise<string[]> {
  const res = await client.query<{ last: number }>(
    `INSERT INTO household_code_sequence (commune_code, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (commune_code, year)
       DO UPDATE SET last_value = household_code_sequence.last_value + $3
     RETURNING last_value AS last`,
    [communeCode, year, count],
  );
  const last = res.rows[0]!.last;
  return Array.from(
    { length: count },
    (_, i) => `${communeCode}-${year}-${String(last - count + 1 + i).padStart(6, '0')}`,
  );
}

/** The records of new households (ids and codes assigned). */
export function buildRecords(
  batch: readonly ImportHousehold[],
  codes: readonly string[],
  communeCode: string,
  provinceCode: string,
  at: string,
): CreatedHousehold[] {
  return batch.map((h, i) => {
    const members: MemberRecord[] = h.members.map((m) => ({
      ...m,
      id: timeOrderedId(),
      deceasedOn: null,
    }));
    const household: HouseholdRecord = {
      id: timeOrderedId(),
      code: codes[i]!,
      communeCode,
      provinceCode,
      villageCode: h.villageCode,
      streetAddress: h.streetAddress,
      area: h.area,
      headMemberId: members.find((m) => m.relation === 'head')!.id,
      status: 'active',
      version: 1,
      createdAt: at,
      updatedAt: at,
      formC: h.formC,
    };
    return { firstRow: h.firstRow, household, members };
  });
}

const CHANGE_COLUMNS = [
  'household_id',
  'member_id',
  'kind',
  'actor_id',
  'actor_unit_code',
  'source_address',
  'at',
  'reason',
  'before',
  'after',
];

/** COPYs the created households with their change log, events and outcomes. */
export async function copyCreated(
  client: pg.PoolClient,
  importId: string,
  created: readonly CreatedHousehold[],
  actor: ChangeActor,
  at: string,
): Promise<void> {
  const stamp = [actor.actorId, actor.actorUnitCode, actor.sourceAddress, at, actor.reason];
  await copyRows(
    client,
    'household',
    HOUSEHOLD_ROW_COLUMNS,
    created.map(({ household }) => copyLine(householdRowValues(household))),
  );
  await copyRows(
    client,
    'member',
    MEMBER_ROW_COLUMNS,
    (function* () {
      for (const { household, members } of created) {
        for (const m of members) yield copyLine(memberRowValues(household.id, m, at));
      }
    })(),
  );
  await copyRows(
    client,
    'household_change',
    CHANGE_COLUMNS,
    (function* () {
      for (const { household, members } of created) {
        yield copyLine([
          household.id,
          null,
          'household_created',
          ...stamp,
          null,
          JSON.stringify(household),
        ]);
        for (const m of members) {
          yield copyLine([household.id, m.id, 'member_added', ...stamp, null, JSON.stringify(m)]);
        }
      }
    })(),
  );
  const eventStamp = {
    actorId: actor.actorId,
    actorUnitCode: actor.actorUnitCode,
    sourceAddress: actor.sourceAddress,
    at: new Date(at),
  };
  await copyRows(
    client,
    'posa_outbox',
    ['id', 'topic', 'aggregate_type', 'aggregate_id', 'event_type', 'source', 'payload'],
    created.map(({ household, members }) => {
      const e = householdCreatedEvent(household, members.length, eventStamp);
      return copyLine([
        timeOrderedId(),
        e.topic,
        e.aggregateType,
        e.aggregateId,
        e.type,
        e.source,
        byteaText(e.payload),
      ]);
    }),
  );
  await copyRows(
    client,
    'household_import_outcome',
    ['import_id', 'row_no', 'household_id', 'household_code', 'outcome'],
    created.map(({ firstRow, household }) =>
      copyLine([importId, firstRow, household.id, household.code, 'created']),
    ),
  );
}
