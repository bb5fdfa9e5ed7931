/** Reads of the household registry (explicit SQL). */
import type pg from 'pg';
import type {
  ChangeKind,
  HouseholdChangeEntry,
  HouseholdRecord,
  HouseholdSnapshot,
  MemberRecord,
  PopulationCheck,
} from '../domain/household-state';
import {
  formCSelect,
  HOUSEHOLD_FORM_C_COLUMNS,
  householdFormCOfRow,
  MEMBER_FORM_C_COLUMNS,
  memberFormCOfRow,
  withoutFormC,
} from './form-c-columns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const HOUSEHOLD_COLUMNS = `id, code, commune_code AS "communeCode", province_code AS "provinceCode",
  village_code AS "villageCode", street_address AS "streetAddress", area,
  head_member_id AS "headMemberId", status, version,
  created_at AS "createdAt", updated_at AS "updatedAt",
  merged_into AS "mergedInto", split_from AS "splitFrom",
  ${formCSelect(HOUSEHOLD_FORM_C_COLUMNS, 'household')}`;

type HouseholdRow = Omit<HouseholdRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

function householdOf(row: HouseholdRow): HouseholdRecord {
  const formC = householdFormCOfRow(row as unknown as Record<string, unknown>);
  const { mergedInto, splitFrom, ...rest } = withoutFormC(row);
  return {
    ...rest,
    // Kept only when set, like the records of the change log written before moves existed.
    ...(mergedInto ? { mergedInto } : {}),
    ...(splitFrom ? { splitFrom } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(formC === undefined ? {} : { formC }),
  };
}

interface MemberRow {
  id: string;
  fullName: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  sex: MemberRecord['sex'];
  ethnicGroupCode: string;
  citizenId: string | null;
  relation: string;
  deceasedOn: string | null;
  mergedInto: string | null;
  populationOutcome: PopulationCheck['outcome'] | null;
  populationMismatchedFields: string[] | null;
  populationVerifiedAt: Date | null;
}

function memberOf(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    fullName: row.fullName,
    dateOfBirth: { year: row.birthYear, month: row.birthMonth, day: row.birthDay },
    sex: row.sex,
    ethnicGroupCode: row.ethnicGroupCode,
    citizenId: row.citizenId,
    relation: row.relation,
    deceasedOn: row.deceasedOn,
    ...(row.mergedInto ? { mergedInto: row.mergedInto } : {}),
    ...(row.populationOutcome === null || row.populationVerifiedAt === null
      ? {}
      : {
          populationCheck: {
            outcome: row.populationOutcome,
            mismatchedFields: row.populationMismatchedFields ?? [],
            verifiedAt: row.populationVerifiedAt.toISOString(),
          },
        }),
    ...formCOf(row),
  };
}

function formCOf(row: MemberRow): { formC?: MemberRecord['formC'] } {
  const formC = memberFormCOfRow(row as unknown as Record<string, unknown>);
  return formC === undefined ? {} : { formC };
}

/** The household row, locked FOR UPDATE when `lock` (inside a transaction). */
export async function findHousehold(
  db: Queryable,
  id: string,
  lock = false,
): Promise<HouseholdRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const res = await db.query<HouseholdRow>(
    `SELECT ${HOUSEHOLD_COLUMNS} FROM household WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0] === undefined ? undefined : householdOf(res.rows[0]);
}

export async function findMembers(db: Queryable, householdId: string): Promise<MemberRecord[]> {
  const res = await db.query<MemberRow>(
    `SELECT id, full_name AS "fullName", birth_year AS "birthYear", birth_month AS "birthMonth",
       birth_day AS "birthDay", sex, ethnic_group_code AS "ethnicGroupCode",
       citizen_id AS "citizenId", relation, to_char(deceased_on, 'YYYY-MM-DD') AS "deceasedOn",
       merged_into_member_id AS "mergedInto", population_outcome AS "populationOutcome",
       population_mismatched_fields AS "populationMismatchedFields",
       population_verified_at AS "populationVerifiedAt",
       ${formCSelect(MEMBER_FORM_C_COLUMNS, 'member')}
     FROM member WHERE household_id = $1
     -- The order a replay of the change log gives (stateAsOf): by the member's first change
     -- in this household since it last moved out of it.
     ORDER BY (SELECT min(c.seq) FROM household_change c
                WHERE c.member_id = member.id AND c.household_id = member.household_id
                  AND c.seq > COALESCE((SELECT max(o.seq) FROM household_change o
                                         WHERE o.member_id = member.id
                                           AND o.household_id = member.household_id
                                           AND o.kind = 'member_moved_out'), 0)), id`,
    [householdId],
  );
  return res.rows.map(memberOf);
}

export async function findSnapshot(
  db: Queryable,
  id: string,
): Promise<HouseholdSnapshot | undefined> {
  const household = await findHousehold(db, id);
  if (household === undefined) return undefined;
  return { household, members: await findMembers(db, id) };
}

export interface StoredChange extends HouseholdChangeEntry {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  reason: string;
  before: HouseholdRecord | MemberRecord | null;
}

/** The change log of a household in log order. */
export async function findChanges(db: Queryable, householdId: string): Promise<StoredChange[]> {
  const res = await db.query<{
    seq: string;
    kind: ChangeKind;
    memberId: string | null;
    at: Date;
    actorId: string;
    actorUnitCode: string;
    sourceAddress: string;
    reason: string;
    before: HouseholdRecord | MemberRecord | null;
    after: HouseholdRecord | MemberRecord;
  }>(
    `SELECT seq, kind, member_id AS "memberId", at, actor_id AS "actorId",
       actor_unit_code AS "actorUnitCode", source_address AS "sourceAddress", reason, before, after
     FROM household_change WHERE household_id = $1 ORDER BY seq`,
    [householdId],
  );
  return res.rows.map((r) => ({ ...r, seq: Number(r.seq), at: r.at.toISOString() }));
}

export interface ListFilter {
  /** Exactly one of commune or province; neither means the whole country. */
  communeCode?: string;
  provinceCode?: string;
  villageCode?: string;
  status?: HouseholdRecord['status'];
  /** Codes strictly after this one. */
  afterCode?: string;
  limit: number;
}

/** Households in code order (keyset paging on the unique code). */
export async function listHouseholds(db: Queryable, f: ListFilter): Promise<HouseholdRecord[]> {
  const res = await db.query<HouseholdRow>(
    `SELECT ${HOUSEHOLD_COLUMNS} FROM household
     WHERE ($1::text IS NULL OR commune_code = $1)
       AND ($2::text IS NULL OR province_code = $2)
       AND ($3::text IS NULL OR village_code = $3)
       AND ($4::text IS NULL OR status = $4)
       AND ($5::text IS NULL OR code > $5)
     ORDER BY code LIMIT $6`,
    [
      f.communeCode ?? null,
      f.provinceCode ?? null,
      f.villageCode ?? null,
      f.status ?? null,
      f.afterCode ?? null,
      f.limit,
    ],
  );
  return res.rows.map(householdOf);
}
