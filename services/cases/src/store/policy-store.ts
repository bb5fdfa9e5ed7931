/**
 * SQL of the policy catalogue (migrations/0001_policy_catalogue.sql): reads of every version,
 * procedure rules, and the writes of a catalogue edit (close the version in force,
 * insert the new one, record the change). Writes take a client inside the caller's transaction.
 */
import type pg from 'pg';
import type {
  AllowanceCategory,
  BaseLevel,
  CareSupportType,
  CoefficientRule,
  EmergencyAssistanceType,
  PolicyCatalogue,
} from '../domain/policy-catalogue';
import type { ProcedureRule } from '../domain/procedure-rule';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const VALIDITY = `valid_from::text AS "validFrom", valid_to::text AS "validTo",
  legal_source AS "legalSource", tag`;

/** Every version of every catalogue entity, each list in a stable order. */
export async function loadCatalogue(db: Queryable): Promise<PolicyCatalogue> {
  const base = await db.query<Omit<BaseLevel, 'amountVnd'> & { amountVnd: string }>(
    `SELECT id, province_code AS "provinceCode", amount_vnd::text AS "amountVnd", ${VALIDITY}
       FROM base_level ORDER BY province_code NULLS FIRST, valid_from`,
  );
  const categories = await db.query<AllowanceCategory>(
    `SELECT code, group_label AS "group", decree, name_vi AS "nameVi", ${VALIDITY}
       FROM allowance_category ORDER BY valid_from, code`,
  );
  const rules = await db.query<CoefficientRule>(
    `SELECT id, category_code AS "categoryCode", min_age_months AS "minAgeMonths",
            max_age_months AS "maxAgeMonths", disability_level AS "disabilityLevel",
            coefficient_hundredths AS "coefficientHundredths", ${VALIDITY}
       FROM coefficient_rule
      ORDER BY category_code, valid_from, disability_level NULLS FIRST, min_age_months NULLS FIRST`,
  );
  const care = await db.query<CareSupportType>(
    `SELECT code, name_vi AS "nameVi", coefficient_hundredths AS "coefficientHundredths",
            ${VALIDITY}
       FROM care_support_type ORDER BY code, valid_from`,
  );
  const emergency = await db.query<EmergencyAssistanceType>(
    `SELECT code, name_vi AS "nameVi", description_vi AS "descriptionVi", ${VALIDITY}
       FROM emergency_assistance_type ORDER BY code, valid_from`,
  );
  return {
    baseLevels: base.rows.map((row) => ({ ...row, amountVnd: safeInteger(row.amountVnd, row.id) })),
    categories: categories.rows,
    coefficientRules: rules.rows,
    careSupportTypes: care.rows,
    emergencyTypes: emergency.rows,
  };
}

function safeInteger(text: string, id: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`base level ${id}: amount out of range`);
  return value;
}

/** Every procedure rule, oldest first. */
export async function loadProcedureRules(db: Queryable): Promise<ProcedureRule[]> {
  const { rows } = await db.query<ProcedureRule>(
    `SELECT code, appraisal_level AS "appraisalLevel", decision_level AS "decisionLevel",
            completeness_days AS "completenessDays", appraisal_days AS "appraisalDays",
            decision_days AS "decisionDays", ${VALIDITY}
       FROM procedure_rule ORDER BY valid_from`,
  );
  return rows;
}

/** The catalogue tables: a version of each is identified by its key column and valid_from. */
export type CatalogueEntity =
  | 'base_level'
  | 'allowance_category'
  | 'coefficient_rule'
  | 'care_support_type'
  | 'emergency_assistance_type';

const KEY_COLUMN: Record<CatalogueEntity, string> = {
  base_level: 'id',
  allowance_category: 'code',
  coefficient_rule: 'id',
  care_support_type: 'code',
  emergency_assistance_type: 'code',
};

/** Serialises catalogue edits: concurrent edits wait; reads are not blocked. */
export async function lockCatalogue(client: pg.PoolClient): Promise<void> {
  await client.query(
    `LOCK TABLE base_level, allowance_category, coefficient_rule, care_support_type,
       emergency_assistance_type IN SHARE ROW EXCLUSIVE MODE`,
  );
}

/** Ends the version (key, validFrom) of an entity on `validTo`. */
export async function closeVersion(
  client: pg.PoolClient,
  entity: CatalogueEntity,
  key: string,
  validFrom: string,
  validTo: string,
): Promise<void> {
  const result = await client.query(
    `UPDATE ${entity} SET valid_to = $3 WHERE ${KEY_COLUMN[entity]} = $1 AND valid_from = $2`,
    [key, validFrom, validTo],
  );
  if (result.rowCount !== 1) throw new Error(`${entity} ${key} ${validFrom}: version not found`);
}

export async function insertBaseLevel(client: pg.PoolClient, b: BaseLevel): Promise<void> {
  await client.query(
    `INSERT INTO base_level (id, province_code, amount_vnd, valid_from, valid_to, legal_source, tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [b.id, b.provinceCode, b.amountVnd, b.validFrom, b.validTo, b.legalSource, b.tag],
  );
}

export async function insertCategory(client: pg.PoolClient, c: AllowanceCategory): Promise<void> {
  await client.query(
    `INSERT INTO allowance_category (code, kind, group_label, decree, name_vi, valid_from,
       valid_to, legal_source, tag)
     VALUES ($1, 'monthly_allowance', $2, $3, $4, $5, $6, $7, $8)`,
    [c.code, c.group, c.decree, c.nameVi, c.validFrom, c.validTo, c.legalSource, c.tag],
  );
}

export async function insertCoefficientRule(
  client: pg.PoolClient,
  r: CoefficientRule,
): Promise<void> {
  await client.query(
    `INSERT INTO coefficient_rule (id, category_code, min_age_months, max_age_months,
       disability_level, coefficient_hundredths, valid_from, valid_to, legal_source, tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      r.id,
      r.categoryCode,
      r.minAgeMonths,
      r.maxAgeMonths,
      r.disabilityLevel,
      r.coefficientHundredths,
      r.validFrom,
      r.validTo,
      r.legalSource,
      r.tag,
    ],
  );
}

export async function insertCareSupportType(
  client: pg.PoolClient,
  t: CareSupportType,
): Promise<void> {
  await client.query(
    `INSERT INTO care_support_type (code, name_vi, coefficient_hundredths, valid_from, valid_to,
       legal_source, tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.code, t.nameVi, t.coefficientHundredths, t.validFrom, t.validTo, t.legalSource, t.tag],
  );
}

export async function insertEmergencyType(
  client: pg.PoolClient,
  t: EmergencyAssistanceType,
): Promise<void> {
  await client.query(
    `INSERT INTO emergency_assistance_type (code, name_vi, description_vi, valid_from, valid_to,
       legal_source, tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.code, t.nameVi, t.descriptionVi, t.validFrom, t.validTo, t.legalSource, t.tag],
  );
}

/** One row of the catalogue audit: what was closed (before) and what was added (after). */
export interface PolicyChange {
  entity: CatalogueEntity;
  entityKey: string;
  validFrom: string;
  before: unknown[];
  after: unknown;
  actorId: string;
  actorUnitCode: string;
  at: Date;
  reason: string;
}

export async function insertPolicyChange(client: pg.PoolClient, c: PolicyChange): Promise<void> {
  await client.query(
    `INSERT INTO policy_change (entity, entity_key, valid_from, before, after, actor_id,
       actor_unit_code, at, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      c.entity,
      c.entityKey,
      c.validFrom,
      c.before.length === 0 ? null : JSON.stringify(c.before),
      JSON.stringify(c.after),
      c.actorId,
      c.actorUnitCode,
      c.at,
      c.reason,
    ],
  );
}
