/** Reads the poverty standards (small reference data) from PostgreSQL, in one snapshot. */
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import type {
  Area,
  AreaRule,
  Confidence,
  InForcePeriod,
  Indicator,
  PovertyStandard,
} from '../domain/standard';

interface StandardRow {
  code: string;
  legal_basis: string;
  valid_from: string;
  valid_to: string;
}

interface PeriodRow {
  standard_code: string;
  valid_from: string;
  valid_to: string | null;
  legal_basis: string;
}

interface RuleRow {
  standard_code: string;
  area: Area;
  income_only_poor_line: string | null;
  poverty_line: string;
  average_living_line: string | null;
  min_deprivations_for_poor: number;
  line_confidence: Confidence;
  average_living_confidence: Confidence | null;
  structure_confidence: Confidence;
  source_note: string;
}

interface IndicatorRow {
  standard_code: string;
  code: string;
  name_vi: string;
  dimension: string;
  dimension_name_vi: string;
  confidence: Confidence;
  source_note: string;
}

const bigOrNull = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

function grouped<T extends { standard_code: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.standard_code) ?? [];
    group.push(row);
    groups.set(row.standard_code, group);
  }
  return groups;
}

function toRule(row: RuleRow): AreaRule {
  return {
    area: row.area,
    incomeOnlyPoorLine: bigOrNull(row.income_only_poor_line),
    povertyLine: BigInt(row.poverty_line),
    averageLivingLine: bigOrNull(row.average_living_line),
    minDeprivationsForPoor: row.min_deprivations_for_poor,
    lineConfidence: row.line_confidence,
    averageLivingConfidence: row.average_living_confidence,
    structureConfidence: row.structure_confidence,
    sourceNote: row.source_note,
  };
}

function toIndicator(row: IndicatorRow): Indicator {
  return {
    code: row.code,
    nameVi: row.name_vi,
    dimension: row.dimension,
    dimensionNameVi: row.dimension_name_vi,
    confidence: row.confidence,
    sourceNote: row.source_note,
  };
}

const toPeriod = (row: PeriodRow): InForcePeriod => ({
  validFrom: row.valid_from,
  validTo: row.valid_to,
  legalBasis: row.legal_basis,
});

/** Every standard with its periods, rules and indicators, oldest first. */
export function loadStandards(pool: pg.Pool): Promise<PovertyStandard[]> {
  return withTransaction(pool, (client) => readStandards(client), {
    isolation: 'repeatable read',
    readOnly: true,
  });
}

async function readStandards(client: pg.PoolClient): Promise<PovertyStandard[]> {
  const standards = await client.query<StandardRow>(
    `SELECT code, legal_basis, valid_from::text, valid_to::text
       FROM poverty_standard ORDER BY valid_from`,
  );
  const periods = await client.query<PeriodRow>(
    `SELECT standard_code, valid_from::text, valid_to::text, legal_basis
       FROM poverty_standard_in_force ORDER BY valid_from`,
  );
  const rules = await client.query<RuleRow>(
    `SELECT standard_code, area, income_only_poor_line::text, poverty_line::text,
            average_living_line::text, min_deprivations_for_poor, line_confidence,
            average_living_confidence, structure_confidence, source_note
       FROM poverty_rule ORDER BY standard_code, area`,
  );
  const indicators = await client.query<IndicatorRow>(
    `SELECT standard_code, code, name_vi, dimension, dimension_name_vi, confidence, source_note
       FROM poverty_indicator ORDER BY standard_code, position`,
  );
  const periodsOf = grouped(periods.rows);
  const rulesOf = grouped(rules.rows);
  const indicatorsOf = grouped(indicators.rows);
  return standards.rows.map((s) => ({
    code: s.code,
    legalBasis: s.legal_basis,
    validFrom: s.valid_from,
    validTo: s.valid_to,
    inForce: (periodsOf.get(s.code) ?? []).map(toPeriod),
    rules: (rulesOf.get(s.code) ?? []).map(toRule),
    indicators: (indicatorsOf.get(s.code) ?? []).map(toIndicator),
  }));
}
