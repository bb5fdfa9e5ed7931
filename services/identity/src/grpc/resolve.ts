/** ResolveUnit: the 2025 successors of a 2024 unit, by its level. */
import type pg from 'pg';
import type { ResolveUnitResponse } from '@posa/proto';
import {
  communeSuccessors,
  districtSuccessors,
  provinceSuccessor,
  type Successor,
} from '../domain/successors';
import { communeLinks, districtLinks, provinceLink } from '../store/merger-store';
import { getUnits, type StoredUnit } from '../store/unit-store';
import { relationToProto, unitToProto } from './unit-mapping';

async function successorsOf(pool: pg.Pool, oldUnit: StoredUnit): Promise<Successor[]> {
  switch (oldUnit.level) {
    case 'commune':
      return communeSuccessors(await communeLinks(pool, oldUnit.code));
    case 'district':
      return districtSuccessors(await districtLinks(pool, oldUnit.code));
    case 'province': {
      const link = await provinceLink(pool, oldUnit.code);
      return link === undefined
        ? []
        : [provinceSuccessor(oldUnit.code, link.newCode, link.coMerged)];
    }
  }
}

export async function resolveOldUnit(
  pool: pg.Pool,
  oldUnit: StoredUnit,
): Promise<ResolveUnitResponse> {
  const successors = await successorsOf(pool, oldUnit);
  const found = new Map(
    (
      await getUnits(
        pool,
        '2025',
        successors.map((s) => s.newCode),
      )
    ).map((u) => [u.code, u]),
  );
  return {
    oldUnit: unitToProto(oldUnit),
    successors: successors.flatMap((s) => {
      const unit = found.get(s.newCode);
      return unit === undefined
        ? []
        : [{ unit: unitToProto(unit), relation: relationToProto(s.relation), note: s.note }];
    }),
  };
}
