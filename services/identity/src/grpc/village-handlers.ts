/** CreateVillage and ListVillages: decode, authorise, run, encode. */
import type pg from 'pg';
import { principalOf, type UnitTree } from '@posa/auth';
import {
  InvalidArgumentError,
  NotFoundError,
  type CallContext,
  sourceAddressOf,
} from '@posa/platform';
import type {
  CreateVillageRequest,
  CreateVillageResponse,
  ListVillagesRequest,
  ListVillagesResponse,
} from '@posa/proto';
import { decodePageToken, pageOf, pageSizeOf } from '../domain/page-token';
import { authoriseVillageCreation } from '../domain/village-access';
import { validateVillageInput } from '../domain/village';
import { createVillage } from '../store/create-village';
import { getUnit } from '../store/unit-store';
import { listVillages } from '../store/village-store';
import { kindFromProto, villageToProto } from './unit-mapping';

export interface VillageDeps {
  pool: pg.Pool;
  /** The 2025 structure as a tree (jurisdiction checks). */
  tree2025: () => UnitTree;
}

export function villageHandlers(deps: VillageDeps) {
  return {
    async createVillage(
      request: CreateVillageRequest,
      ctx: CallContext,
    ): Promise<CreateVillageResponse> {
      const principal = principalOf(ctx);
      const input = validateVillageInput({
        communeCode: request.communeCode,
        name: request.name,
        kind: kindFromProto(request.kind),
      });
      authoriseVillageCreation(principal, input.communeCode, deps.tree2025());
      const village = await createVillage(deps.pool, {
        ...input,
        actor: principal,
        sourceAddress: sourceAddressOf(ctx),
      });
      return { village: villageToProto(village) };
    },

    async listVillages(
      request: ListVillagesRequest,
      ctx: CallContext,
    ): Promise<ListVillagesResponse> {
      principalOf(ctx);
      if (!/^[0-9]{5}$/.test(request.communeCode)) {
        throw new InvalidArgumentError(
          'commune_code',
          'must be the 5-digit code of a commune of the 2025 structure',
        );
      }
      const commune = await getUnit(deps.pool, '2025', request.communeCode);
      if (commune?.level !== 'commune') {
        throw new NotFoundError(
          `commune ${request.communeCode} does not exist in the 2025 structure`,
        );
      }
      const limit = pageSizeOf(request.page);
      const scope = `villages:${request.communeCode}`;
      const after = decodePageToken(request.page?.pageToken, scope, 1);
      const rows = await listVillages(
        deps.pool,
        request.communeCode,
        (after?.[0] as string) ?? null,
        limit + 1,
      );
      const page = pageOf(rows, limit, scope, (v) => [v.code]);
      return {
        villages: page.items.map(villageToProto),
        page: { nextPageToken: page.nextPageToken },
      };
    },
  };
}
