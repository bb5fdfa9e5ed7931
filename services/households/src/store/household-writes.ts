/**
 * Writes of the household registry. Callers run them inside one transaction together with
 * the change-log rows and the outbox event (withTransaction from @posa/db).
 */
import type pg from 'pg';
import type { ChangeKind, HouseholdRecord, MemberRecord } from '../domain/household-state';
import { nameSearchKey } from '@posa/platform';
import {
  HOUSEHOLD_FORM_C_COLUMNS,
  householdFormCParams,
  MEMBER_FORM_C_COLUMNS,
  memberFormCParams,
} from './form-c-columns';

/** Who made a change, from where and why. */
export interface ChangeActor {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  reason: string;
}

/** Next `<commune>-<year>-<6-digit sequence>` code (the row lock serialises issuers). */
export async function issueHouseholdCode(
  client: pg.PoolClient,
  communeCode: string,
  year: number,
): Promise<string> {
  const res = await client.query<{ lastValue: number }>(
    `INSERT INTO household_code_sequence (commune_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (commune_code, year)
       DO UPDATE SET last_value = household_code_sequence.last_value + 1
     RETURNING last_value AS "lastValue"`,
    [communeCode, year],
  );
  return `${communeCode}-${year}-${String(res.rows[0]!.lastValue).padStart(6, '0')}`;
}

/** A column value as written by INSERT parameters and by COPY (import/copy-text.ts). */
export type RowValue = string | number | boolean | null | undefined | readonly string[];

/** The columns of a household row, in the order of householdRowValues. */
export const HOUSEHOLD_ROW_COLUMNS: readonly string[] = [
  'id',
  'code',
  'commune_code',
  'province_code',
  'village_code',
  'street_address',
  'area',
  'head_member_id',
  'status',
  'version',
  'created_at',
  'updated_at',
  ...HOUSEHOLD_FORM_C_COLUMNS,
];

export function householdRowValues(h: HouseholdRecord): RowValue[] {
  return [
    h.id,
    h.code,
    h.communeCode,
    h.provinceCode,
    h.villageCode,
    h.streetAddress,
    h.area,
    h.headMemberId,
    h.status,
    h.version,
    h.createdAt,
    h.updatedAt,
    ...(householdFormCParams(h.formC) as RowValue[]),
  ];
}

/** The columns of a member row, in the order of memberRowValues. */
export const MEMBER_ROW_COLUMNS: readonly string[] = [
  'id',
  'household_id',
  'full_name',
  'name_search',
  'birth_year',
  'birth_month',
  'birth_day',
  'sex',
  'ethnic_group_code',
  'citizen_id',
  'relation',
  'deceased_on',
  'population_outcome',
  'population_mismatched_fields',
  'population_verified_at',
  ...MEMBER_FORM_C_COLUMNS,
  'created_at',
  'updated_at',
];

/** The member's row in household `householdId`, created or last updated at `at`. */
export function memberRowValues(householdId: string, m: MemberRecord, at: string): RowValue[] {
  return [
    m.id,
    householdId,
    m.fullName,
    nameSearchKey(m.fullName),
    m.dateOfBirth.year,
    m.dateOfBirth.month,
    m.dateOfBirth.day,
    m.sex,
    m.ethnicGroupCode,
    m.citizenId,
    m.relation,
    m.deceasedOn,
    m.populationCheck?.outcome ?? null,
    m.populationCheck?.mismatchedFields ?? null,
    m.populationCheck?.verifiedAt ?? null,
    ...(memberFormCParams(m.formC) as RowValue[]),
    at,
    at,
  ];
}

const placeholders = (n: number): string =>
  Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

export async function insertHousehold(client: pg.PoolClient, h: HouseholdRecord): Promise<void> {
  await client.query(
    `INSERT INTO household (${HOUSEHOLD_ROW_COLUMNS.join(', ')})
     VALUES (${placeholders(HOUSEHOLD_ROW_COLUMNS.length)})`,
    householdRowValues(h),
  );
}

/** Replaces the household's own fields (id and code never change). */
export async function updateHouseholdRow(client: pg.PoolClient, h: HouseholdRecord): Promise<void> {
  await client.query(
    `UPDATE household SET village_code = $2, street_address = $3, area = $4,
       head_member_id = $5, status = $6, version = $7, updated_at = $8,
       ${HOUSEHOLD_FORM_C_COLUMNS.map((c, i) => `${c} = $${i + 9}`).join(', ')}
     WHERE id = $1`,
    [
      h.id,
      h.villageCode,
      h.streetAddress,
      h.area,
      h.headMemberId,
      h.status,
      h.version,
      h.updatedAt,
      ...householdFormCParams(h.formC),
    ],
  );
}

/** Columns a replaced member row takes from the new values (not its identity or creation). */
const MEMBER_UPDATED_COLUMNS = MEMBER_ROW_COLUMNS.filter(
  (c) => c !== 'id' && c !== 'household_id' && c !== 'created_at',
);

/** Inserts or replaces a member row (a member of another household is left alone). */
export async function upsertMember(
  client: pg.PoolClient,
  householdId: string,
  m: MemberRecord,
  at: string,
): Promise<void> {
  await client.query(
    `INSERT INTO member (${MEMBER_ROW_COLUMNS.join(', ')})
     VALUES (${placeholders(MEMBER_ROW_COLUMNS.length)})
     ON CONFLICT (id) DO UPDATE SET
       ${MEMBER_UPDATED_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
     WHERE member.household_id = $2`,
    memberRowValues(householdId, m, at),
  );
}

export async function insertChange(
  client: pg.PoolClient,
  change: {
    householdId: string;
    memberId: string | null;
    kind: ChangeKind;
    at: string;
    before: HouseholdRecord | MemberRecord | null;
    after: HouseholdRecord | MemberRecord;
  },
  actor: ChangeActor,
): Promise<void> {
  await insertChangeRow(client, change, actor);
}

/**
 * One change-log row. `before` / `after` are the records, possibly with keys of the step
 * that wrote them (a merge adds the merge id and the differing fields).
 */
export async function insertChangeRow(
  client: pg.PoolClient,
  change: {
    householdId: string;
    memberId: string | null;
    kind: ChangeKind;
    at: string;
    before: object | null;
    after: object;
  },
  actor: ChangeActor,
): Promise<void> {
  await client.query(
    `INSERT INTO household_change (household_id, member_id, kind, actor_id, actor_unit_code,
       source_address, at, reason, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      change.householdId,
      change.memberId,
      change.kind,
      actor.actorId,
      actor.actorUnitCode,
      actor.sourceAddress,
      change.at,
      actor.reason,
      change.before === null ? null : JSON.stringify(change.before),
      JSON.stringify(change.after),
    ],
  );
}
