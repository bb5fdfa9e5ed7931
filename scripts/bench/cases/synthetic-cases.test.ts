import { citizenIdProblem } from '@posa/population';
import { monthEntitlementLine } from '../../../services/cases/src/domain/month-entitlement-line';
import { SEEDED_CATALOGUE } from '../../../services/cases/src/domain/policy.fixture';
import { loadCommunes } from '../households/commune-loader';
import { generateCases, type SyntheticCase } from './synthetic-cases';

const communes = loadCommunes();
const MONTH = '2026-03';
const take = (seed: number, count: number): SyntheticCase[] => [
  ...generateCases({ seed, count, communes, month: MONTH }),
];

describe('generateCases', () => {
  const cases = take(7, 20_000);
  const covering = cases.filter((c) => c.covers);

  it('gives the same cases for the same seed and others for another seed', () => {
    expect(take(7, 300)).toEqual(take(7, 300));
    expect(take(8, 300)).not.toEqual(take(7, 300));
  });

  it('gives count covering cases and about 5 % more that do not cover the month', () => {
    expect(covering).toHaveLength(20_000);
    expect(cases).toHaveLength(21_000);
    const covers = (c: SyntheticCase) =>
      c.fromMonth <= MONTH && (c.toMonth === null || MONTH <= c.toMonth);
    expect(cases.filter((c) => covers(c) !== c.covers)).toEqual([]);
  });

  it('issues unique case codes and valid, unique citizen IDs', () => {
    expect(new Set(cases.map((c) => c.code)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.citizenId)).size).toBe(cases.length);
    const wrong = cases.filter(
      (c) =>
        citizenIdProblem(c.citizenId, c.birthYear, c.sex) !== undefined ||
        !c.code.startsWith(`TC-${c.communeCode}-${c.fromMonth.slice(0, 4)}-`),
    );
    expect(wrong).toEqual([]);
  });

  it('spreads the cases over every province with mostly elderly and disabled people', () => {
    expect(new Set(cases.map((c) => c.provinceCode)).size).toBe(34);
    const share = (code: string) =>
      covering.filter((c) => c.categoryCodes.includes(code)).length / covering.length;
    expect(share('nd20-5c')).toBeGreaterThan(0.4);
    expect(share('nd20-6')).toBeGreaterThan(0.3);
    expect(covering.some((c) => c.kind === 'care_support')).toBe(true);
  });

  it('makes people the seeded catalogue can price (no case is out of its age bands)', () => {
    const notPriced = covering.filter((c) => {
      const line = monthEntitlementLine(SEEDED_CATALOGUE, MONTH, {
        caseId: String(c.n),
        caseCode: c.code,
        kind: c.kind,
        communeCode: c.communeCode,
        citizenId: c.citizenId,
        person: { ...c },
        period: { ...c, decisionId: 'd', decisionNumber: 'n' },
      });
      return line.state === 'not_computable';
    });
    expect(notPriced).toEqual([]);
  });
});
