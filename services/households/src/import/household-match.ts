/**
 * Which households of an import batch are already registered. The matching key, in order:
 * the household code when the file gives it; else the head's citizen ID within the commune;
 * else the head's name (without diacritics) and full date of birth within the commune.
 * One query per key kind per batch.
 */
import type pg from 'pg';
import { nameSearchKey } from '@posa/platform';
import type { ImportHousehold } from './household-group';

export interface MatchResult {
  /** Registered household id per batch index. */
  matched: Map<number, string>;
  /** Batch index → reason the household cannot be matched (a code of another commune...). */
  refused: Map<number, { column: string; reason: string }>;
}

function headOf(h: ImportHousehold) {
  return h.members.find((m) => m.relation === 'head')!;
}

/** The within-file key of a household (the first applicable of the three). */
export function matchKey(h: ImportHousehold): string {
  if (h.householdCode !== null) return `code:${h.householdCode}`;
  const head = headOf(h);
  if (head.citizenId !== null) return `id:${head.citizenId}`;
  const d = head.dateOfBirth;
  return `name:${nameSearchKey(head.fullName)}|${d.year}-${d.month ?? 0}-${d.day ?? 0}`;
}

export async function matchBatch(
  client: pg.PoolClient,
  communeCode: string,
  batch: readonly ImportHousehold[],
): Promise<MatchResult> {
  const matched = new Map<number, string>();
  const refused = new Map<number, { column: string; reason: string }>();
  const byCode = new Map<string, number>();
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  batch.forEach((h, i) => {
    const head = headOf(h);
    if (h.householdCode !== null) byCode.set(h.householdCode, i);
    else if (head.citizenId !== null) byId.set(head.citizenId, i);
    else {
      const key = nameSearchKey(head.fullName);
      byName.set(key, [...(byName.get(key) ?? []), i]);
    }
  });
  if (byCode.size > 0) {
    const res = await client.query<{ id: string; code: string; communeCode: string }>(
      `SELECT id, code, commune_code AS "communeCode" FROM household WHERE code = ANY($1::text[])`,
      [[...byCode.keys()]],
    );
    const found = new Map(res.rows.map((r) => [r.code, r]));
    for (const [code, i] of byCode) {
      const row = found.get(code);
      if (row === undefined)
        refused.set(i, {
          column: 'household_code',
          reason: 'no registered household has this code',
        });
      else if (row.communeCode !== communeCode) {
        refused.set(i, {
          column: 'household_code',
          reason: `the household belongs to commune ${row.communeCode}`,
        });
      } else matched.set(i, row.id);
    }
  }
  if (byId.size > 0) {
    const res = await client.query<{ id: string; citizenId: string }>(
      `SELECT h.id, m.citizen_id AS "citizenId" FROM household h JOIN member m ON m.id = h.head_member_id
       WHERE h.commune_code = $1 AND m.citizen_id = ANY($2::text[])`,
      [communeCode, [...byId.keys()]],
    );
    for (const r of res.rows) matched.set(byId.get(r.citizenId)!, r.id);
  }
  if (byName.size > 0) {
    const res = await client.query<{
      id: string;
      name: string;
      y: number;
      m: number | null;
      d: number | null;
    }>(
      `SELECT h.id, m.name_search AS name, m.birth_year AS y, m.birth_month AS m, m.birth_day AS d
       FROM household h JOIN member m ON m.id = h.head_member_id
       WHERE h.commune_code = $1 AND m.name_search = ANY($2::text[])`,
      [communeCode, [...byName.keys()]],
    );
    for (const r of res.rows) {
      for (const i of byName.get(r.name) ?? []) {
        const dob = headOf(batch[i]!).dateOfBirth;
        if (dob.year === r.y && dob.month === r.m && dob.day === r.d) matched.set(i, r.id);
      }
    }
  }
  return { matched, refused };
}

/**
 * The match result of a batch when the registry holds none of its households (an initial
 * load into an empty registry): nothing matches, and a household that gives a code is
 * refused, as no registered household can have it.
 */
export function nothingRegistered(batch: readonly ImportHousehold[]): MatchResult {
  const refused = new Map<number, { column: string; reason: string }>();
  batch.forEach((h, i) => {
    if (h.householdCode !== null)
      refused.set(i, { column: 'household_code', reason: 'no registered household has this code' });
  });
  return { matched: new Map(), refused };
}
