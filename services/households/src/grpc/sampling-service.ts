/**
 * AcceptanceSamplingService (nghiệm thu): draw a reproducible sample of a commune's active
 * households, record the field check of each, compute and lock the decision. Rules are in
 * domain/sampling-*.ts, access in sampling-access.ts, SQL in store/sampling-store.ts.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  AcceptanceSamplingServiceService,
  type ComputeResultRequest,
  type ComputeResultResponse,
  type DrawSampleRequest,
  type DrawSampleResponse,
  type GetSampleRequest,
  type GetSampleResponse,
  type ListSamplesRequest,
  type ListSamplesResponse,
  type RecordFieldCheckRequest,
  type RecordFieldCheckResponse,
} from '@posa/proto';
import { validateText } from '../domain/household-input';
import { classifyChecks, validateNote } from '../domain/sampling-check';
import {
  SEED_PATTERN,
  drawSample,
  freshSeed,
  populationDigest,
  sizeForRate,
} from '../domain/sampling-draw';
import { decide, type Tally } from '../domain/sampling-result';
import { findMembers } from '../store/household-store';
import {
  activeHouseholds,
  decideSample,
  findItems,
  findSample,
  insertSample,
  listSamples,
  recordItemCheck,
} from '../store/sampling-store';
import type { Units } from '@posa/units';
import { assertReadRole } from './household-access';
import { assertSamplingDecider, readableSample } from './sampling-access';
import { itemToProto, sampleToProto } from './sampling-mapping';
import { unitScopeOf } from './list-request';

export const MAX_LIST = 200;

function requestedSize(request: DrawSampleRequest, population: number): number {
  if (request.sampleSize !== undefined) {
    if (request.sampleSize < 1) throw new InvalidArgumentError('sample_size', 'must be at least 1');
    return Math.min(request.sampleSize, population);
  }
  if (request.rateBasisPoints !== undefined) {
    const bp = request.rateBasisPoints;
    if (bp < 1 || bp > 10_000) {
      throw new InvalidArgumentError('rate_basis_points', 'must be between 1 and 10000');
    }
    return sizeForRate(population, bp);
  }
  throw new InvalidArgumentError('size', 'give sample_size or rate_basis_points');
}

function seedOf(raw: string): string {
  const seed = raw.trim().toLowerCase();
  if (seed === '') return freshSeed();
  if (!SEED_PATTERN.test(seed))
    throw new InvalidArgumentError('seed', 'must be 32 to 128 hex digits');
  return seed;
}

function sum(items: Array<{ checked: number | null; errors: number | null }>): Tally {
  return items.reduce<Tally>(
    (t, i) => ({ checked: t.checked + (i.checked ?? 0), errors: t.errors + (i.errors ?? 0) }),
    { checked: 0, errors: 0 },
  );
}

export function acceptanceSamplingService(deps: {
  pool: pg.Pool;
  units: Units;
}): ServiceRegistration {
  const { pool, units } = deps;
  return service(AcceptanceSamplingServiceService, {
    async drawSample(request: DrawSampleRequest, ctx: CallContext): Promise<DrawSampleResponse> {
      const principal = principalOf(ctx);
      const provinceCode = units.provinceOfCommune(request.communeCode);
      if (provinceCode === undefined) {
        throw new InvalidArgumentError('commune_code', 'is not a commune of the 2025 structure');
      }
      assertSamplingDecider(principal, request.communeCode, units);
      const purpose = validateText(request.purpose, 'purpose', 200, true);
      const seed = seedOf(request.seed);
      const sample = await withTransaction(pool, async (client) => {
        const population = await activeHouseholds(client, request.communeCode);
        if (population.length === 0) {
          throw new FailedPreconditionError(
            `commune ${request.communeCode} has no active household`,
          );
        }
        const size = requestedSize(request, population.length);
        const ids = population.map((p) => p.id);
        const codes = new Map(population.map((p) => [p.id, p.code]));
        const drawn = drawSample(ids, size, seed);
        const record = {
          id: randomUUID(),
          communeCode: request.communeCode,
          provinceCode,
          purpose,
          seed,
          populationSize: population.length,
          populationDigest: populationDigest(ids),
          sampleSize: drawn.length,
          status: 'open' as const,
          drawnBy: principal.userId,
          drawnUnitCode: principal.unitCode,
          drawnAt: new Date(),
          identityChecked: null,
          identityErrors: null,
          otherChecked: null,
          otherErrors: null,
          reasons: null,
          decidedBy: null,
          decidedAt: null,
        };
        const items = drawn.map((id) => ({ householdId: id, householdCode: codes.get(id)! }));
        await insertSample(client, record, items);
        return sampleToProto(record, await findItems(client, record.id));
      });
      return { sample };
    },

    async getSample(request: GetSampleRequest, ctx: CallContext): Promise<GetSampleResponse> {
      const s = readableSample(
        principalOf(ctx),
        request.id,
        await findSample(pool, request.id),
        units,
      );
      return { sample: sampleToProto(s, await findItems(pool, s.id)) };
    },

    async listSamples(request: ListSamplesRequest, ctx: CallContext): Promise<ListSamplesResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const scope = unitScopeOf(principal, request.unitCode, units);
      if (request.limit < 0) throw new InvalidArgumentError('limit', 'must not be negative');
      const rows = await listSamples(pool, {
        communeCode: scope.communeCode ?? null,
        provinceCode: scope.provinceCode ?? null,
        limit: Math.min(request.limit === 0 ? 50 : request.limit, MAX_LIST),
      });
      return { samples: rows.map((s) => sampleToProto(s)) };
    },

    async recordFieldCheck(
      request: RecordFieldCheckRequest,
      ctx: CallContext,
    ): Promise<RecordFieldCheckResponse> {
      const principal = principalOf(ctx);
      const note = validateNote(request.note);
      const item = await withTransaction(pool, async (client) => {
        const s = readableSample(
          principal,
          request.sampleId,
          await findSample(client, request.sampleId, true),
          units,
        );
        assertSamplingDecider(principal, s.communeCode, units);
        if (s.status !== 'open') {
          throw new FailedPreconditionError(`sample ${s.id} is decided (${s.status}) and locked`);
        }
        const items = await findItems(client, s.id);
        if (!items.some((i) => i.householdId === request.householdId)) {
          throw new InvalidArgumentError('household_id', 'is not in the sample');
        }
        const members = await findMembers(client, request.householdId);
        const checked = classifyChecks(request.checks, new Set(members.map((m) => m.id)));
        const row = await recordItemCheck(client, s.id, request.householdId, {
          ...checked,
          note,
          checkedBy: principal.userId,
          checkedAt: new Date(),
        });
        if (row === undefined)
          throw new NotFoundError(`household ${request.householdId} not in the sample`);
        return row;
      });
      return { item: itemToProto(item) };
    },

    async computeResult(
      request: ComputeResultRequest,
      ctx: CallContext,
    ): Promise<ComputeResultResponse> {
      const principal = principalOf(ctx);
      const sample = await withTransaction(pool, async (client) => {
        const s = readableSample(
          principal,
          request.sampleId,
          await findSample(client, request.sampleId, true),
          units,
        );
        assertSamplingDecider(principal, s.communeCode, units);
        const items = await findItems(client, s.id);
        if (s.status !== 'open') return sampleToProto(s, items);
        const unchecked = items.filter((i) => i.checkedAt === null).length;
        if (unchecked > 0) {
          throw new FailedPreconditionError(`${unchecked} sampled household(s) not checked yet`);
        }
        const identity = sum(
          items.map((i) => ({ checked: i.identityChecked, errors: i.identityErrors })),
        );
        const other = sum(items.map((i) => ({ checked: i.otherChecked, errors: i.otherErrors })));
        if (identity.checked === 0 || other.checked === 0) {
          throw new FailedPreconditionError(
            'both identity fields and other fields must have been checked to compute rates',
          );
        }
        const d = decide(identity, other);
        await decideSample(client, s.id, {
          accepted: d.accepted,
          identity,
          other,
          reasons: d.reasons,
          decidedBy: principal.userId,
          decidedUnitCode: principal.unitCode,
          decidedAt: new Date(),
        });
        return sampleToProto((await findSample(client, s.id))!, items);
      });
      return { sample };
    },
  });
}
