/**
 * The writes of catalogue edits, each in one transaction: lock the catalogue, read it, plan the
 * new version (domain rules), close the versions in force the day before, insert the new one and
 * record the change in policy_change. Base levels and coefficient rules here; the code-keyed
 * entities in policy-catalogue-coded-commit.ts.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';
import {
  dayBefore,
  inForceOn,
  versionsToClose,
  type BaseLevel,
  type CoefficientRule,
  type PolicyCatalogue,
  type Versioned,
} from '../domain/policy-catalogue';
import {
  closeVersion,
  insertBaseLevel,
  insertCoefficientRule,
  insertPolicyChange,
  loadCatalogue,
  lockCatalogue,
  type CatalogueEntity,
} from '../store/policy-store';
import { reratingScopeOf } from '../rerating/rerating-scope';
import { insertReratingJob } from '../rerating/rerating-store';
import type { EditInput } from './policy-catalogue-mapping';

export interface Actor {
  actorId: string;
  actorUnitCode: string;
  at: Date;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: string;
}

/** What an edit did: the new version and the versions closed for it (as closed). */
export interface Recorded<T> {
  created: T;
  closed: T[];
}

type Keyed = Versioned & { validFrom: string };

/** Closes, inserts and audits inside the transaction; returns the closed versions as closed. */
export async function apply<T extends Keyed>(
  client: pg.PoolClient,
  entity: CatalogueEntity,
  keyOf: (v: T) => string,
  created: T,
  toClose: T[],
  insert: (client: pg.PoolClient, v: T) => Promise<void>,
  actor: Actor,
  edit: EditInput,
): Promise<Recorded<T>> {
  const validTo = dayBefore(created.validFrom);
  for (const v of toClose) await closeVersion(client, entity, keyOf(v), v.validFrom, validTo);
  await insert(client, created);
  // Running cases whose amounts the new version changes get new EntitlementChanged events.
  const scope = reratingScopeOf(entity, created);
  if (scope !== undefined) {
    await insertReratingJob(client, { entity, entityKey: keyOf(created), at: actor.at }, scope);
  }
  await insertPolicyChange(client, {
    entity,
    entityKey: keyOf(created),
    validFrom: created.validFrom,
    before: toClose,
    after: created,
    actorId: actor.actorId,
    actorUnitCode: actor.actorUnitCode,
    at: actor.at,
    reason: edit.reason,
  });
  return { created, closed: toClose.map((v) => ({ ...v, validTo })) };
}

export function edited<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient, catalogue: PolicyCatalogue) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, async (client) => {
    await lockCatalogue(client);
    return fn(client, await loadCatalogue(client));
  });
}

export const validity = (edit: EditInput) => ({
  validFrom: edit.validFrom,
  validTo: null,
  legalSource: edit.legalSource,
  tag: edit.tag,
});

export function recordBaseLevel(
  pool: pg.Pool,
  actor: Actor,
  input: { provinceCode: string | null; amountVnd: number; edit: EditInput },
): Promise<Recorded<BaseLevel>> {
  return edited(pool, async (client, catalogue) => {
    const { provinceCode, edit } = input;
    const same = catalogue.baseLevels.filter((b) => b.provinceCode === provinceCode);
    const toClose = versionsToClose(same, edit.validFrom, actor.today);
    if (provinceCode !== null) {
      const national = catalogue.baseLevels.find(
        (b) => b.provinceCode === null && inForceOn(b, edit.validFrom),
      );
      if (national !== undefined && input.amountVnd < national.amountVnd) {
        throw new InvalidArgumentError(
          'amount_vnd',
          `must not be below the national base level ${national.amountVnd} in force on valid_from`,
        );
      }
    }
    const created: BaseLevel = {
      id: `${provinceCode ?? 'vn'}-${edit.validFrom}`,
      provinceCode,
      amountVnd: input.amountVnd,
      ...validity(edit),
    };
    return apply(client, 'base_level', (b) => b.id, created, toClose, insertBaseLevel, actor, edit);
  });
}

const overlaps = (a: CoefficientRule, min: number | null, max: number | null): boolean =>
  (a.maxAgeMonths === null || min === null || min < a.maxAgeMonths) &&
  (max === null || a.minAgeMonths === null || a.minAgeMonths < max);

export function recordCoefficientRule(
  pool: pg.Pool,
  actor: Actor,
  input: Omit<CoefficientRule, 'id' | 'validFrom' | 'validTo' | 'legalSource' | 'tag'> & {
    edit: EditInput;
  },
): Promise<Recorded<CoefficientRule>> {
  return edited(pool, async (client, catalogue) => {
    const { edit, minAgeMonths: min, maxAgeMonths: max } = input;
    if (min !== null && max !== null && min >= max) {
      throw new InvalidArgumentError('max_age_months', 'must be above min_age_months');
    }
    const category = catalogue.categories.find((c) => c.code === input.categoryCode);
    if (category === undefined) throw new InvalidArgumentError('category_code', 'unknown category');
    if (category.validTo !== null && category.validTo < edit.validFrom) {
      throw new FailedPreconditionError(
        `category_code: category ${category.code} ended on ${category.validTo}, before valid_from`,
      );
    }
    const same = catalogue.coefficientRules.filter(
      (r) =>
        r.categoryCode === input.categoryCode &&
        r.disabilityLevel === input.disabilityLevel &&
        overlaps(r, min, max),
    );
    const toClose = versionsToClose(same, edit.validFrom, actor.today);
    const created: CoefficientRule = {
      id: randomUUID(),
      categoryCode: input.categoryCode,
      minAgeMonths: min,
      maxAgeMonths: max,
      disabilityLevel: input.disabilityLevel,
      coefficientHundredths: input.coefficientHundredths,
      ...validity(edit),
    };
    const key = (r: CoefficientRule) => r.id;
    return apply(
      client,
      'coefficient_rule',
      key,
      created,
      toClose,
      insertCoefficientRule,
      actor,
      edit,
    );
  });
}
