/**
 * Read handlers of UnitService: decode, check the caller is signed in (the catalogue is
 * public reference data), choose the structure, query, encode.
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { InvalidArgumentError, NotFoundError, type CallContext } from '@posa/platform';
import type {
  GetUnitRequest,
  GetUnitResponse,
  ListAncestorsRequest,
  ListAncestorsResponse,
  ListChildrenRequest,
  ListChildrenResponse,
  ListSubtreeRequest,
  ListSubtreeResponse,
  ResolveUnitRequest,
  ResolveUnitResponse,
  SearchUnitsRequest,
  SearchUnitsResponse,
} from '@posa/proto';
import { decodePageToken, pageOf, pageSizeOf } from '../domain/page-token';
import { searchKey, searchWords } from '../domain/search-text';
import { levelOfCode, structureSpec, type StructureId } from '../domain/structures';
import { chooseStructure } from '../domain/version';
import * as units from '../store/unit-store';
import { resolveOldUnit } from './resolve';
import { levelFromProto, structureFromProto, unitToProto } from './unit-mapping';

export interface CatalogueDeps {
  pool: pg.Pool;
  /** Today's date in Vietnam, YYYY-MM-DD. */
  today: () => string;
}

const MAX_QUERY_LENGTH = 100;

type Versioned = Pick<GetUnitRequest, 'asOf' | 'structure'>;

function structureOf(request: Versioned, deps: CatalogueDeps): StructureId {
  return chooseStructure(
    { asOf: request.asOf, structure: structureFromProto(request.structure) },
    deps.today(),
  );
}

function checkCode(structure: StructureId, code: string, field: string): void {
  if (levelOfCode(structure, code) === undefined) {
    const lengths = structure === '2024' ? '2, 3 or 5' : '2 or 5';
    throw new InvalidArgumentError(
      field,
      `must be a unit code of ${lengths} digits in structure ${structure}`,
    );
  }
}

async function requireUnit(
  deps: CatalogueDeps,
  structure: StructureId,
  code: string,
): Promise<units.StoredUnit> {
  const unit = await units.getUnit(deps.pool, structure, code);
  if (unit === undefined)
    throw new NotFoundError(`unit ${code} does not exist in structure ${structure}`);
  return unit;
}

export function catalogueHandlers(deps: CatalogueDeps) {
  return {
    async getUnit(request: GetUnitRequest, ctx: CallContext): Promise<GetUnitResponse> {
      principalOf(ctx);
      const structure = structureOf(request, deps);
      checkCode(structure, request.code, 'code');
      return { unit: unitToProto(await requireUnit(deps, structure, request.code)) };
    },

    async listChildren(
      request: ListChildrenRequest,
      ctx: CallContext,
    ): Promise<ListChildrenResponse> {
      principalOf(ctx);
      const structure = structureOf(request, deps);
      const parent = request.parentCode === '' ? null : request.parentCode;
      if (parent !== null) {
        checkCode(structure, parent, 'parent_code');
        await requireUnit(deps, structure, parent);
      }
      const limit = pageSizeOf(request.page);
      const scope = `children:${structure}:${parent ?? ''}`;
      const after = decodePageToken(request.page?.pageToken, scope, 1);
      const rows = await units.listChildren(
        deps.pool,
        structure,
        parent,
        (after?.[0] as string) ?? null,
        limit + 1,
      );
      const page = pageOf(rows, limit, scope, (u) => [u.code]);
      return { units: page.items.map(unitToProto), page: { nextPageToken: page.nextPageToken } };
    },

    async listAncestors(
      request: ListAncestorsRequest,
      ctx: CallContext,
    ): Promise<ListAncestorsResponse> {
      principalOf(ctx);
      const structure = structureOf(request, deps);
      checkCode(structure, request.code, 'code');
      const unit = await requireUnit(deps, structure, request.code);
      const above = unit.path.split('/').slice(0, -1);
      return { units: (await units.getUnits(deps.pool, structure, above)).map(unitToProto) };
    },

    async listSubtree(request: ListSubtreeRequest, ctx: CallContext): Promise<ListSubtreeResponse> {
      principalOf(ctx);
      const structure = structureOf(request, deps);
      checkCode(structure, request.code, 'code');
      const root = await requireUnit(deps, structure, request.code);
      const limit = pageSizeOf(request.page);
      const scope = `subtree:${structure}:${root.code}`;
      const after = decodePageToken(request.page?.pageToken, scope, 1);
      const rows = await units.listSubtree(
        deps.pool,
        structure,
        root.path,
        (after?.[0] as string) ?? null,
        limit + 1,
      );
      const page = pageOf(rows, limit, scope, (u) => [u.path]);
      return { units: page.items.map(unitToProto), page: { nextPageToken: page.nextPageToken } };
    },

    async searchUnits(request: SearchUnitsRequest, ctx: CallContext): Promise<SearchUnitsResponse> {
      principalOf(ctx);
      const structure = structureOf(request, deps);
      if (request.query.length > MAX_QUERY_LENGTH) {
        throw new InvalidArgumentError('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
      }
      const words = searchWords(request.query);
      if (words.length === 0)
        throw new InvalidArgumentError('query', 'must contain at least one letter or digit');
      const level = levelFromProto(request.level);
      if (level !== null && !structureSpec(structure).levels.includes(level)) {
        throw new InvalidArgumentError('level', `structure ${structure} has no ${level} level`);
      }
      const provinceCode = request.provinceCode === '' ? null : request.provinceCode;
      if (provinceCode !== null && !/^[0-9]{2}$/.test(provinceCode)) {
        throw new InvalidArgumentError('province_code', 'must be a 2-digit province code');
      }
      const key = searchKey(request.query);
      const limit = pageSizeOf(request.page);
      const scope = `search:${structure}:${key}:${level ?? ''}:${provinceCode ?? ''}`;
      const after = decodePageToken(request.page?.pageToken, scope, 2);
      const rows = await units.searchUnits(deps.pool, {
        structure,
        words,
        key,
        level,
        provinceCode,
        after,
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, scope, (u) => [u.rank, u.path]);
      return { units: page.items.map(unitToProto), page: { nextPageToken: page.nextPageToken } };
    },

    async resolveUnit(request: ResolveUnitRequest, ctx: CallContext): Promise<ResolveUnitResponse> {
      principalOf(ctx);
      checkCode('2024', request.oldCode, 'old_code');
      const oldUnit = await requireUnit(deps, '2024', request.oldCode);
      return resolveOldUnit(deps.pool, oldUnit);
    },
  };
}
