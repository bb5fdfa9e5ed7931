import fc from 'fast-check';
import { citizenIdProblem } from '@posa/population';
import { entitlementSegments } from '../../../services/cases/src/domain/entitlement-segments';
import { accountProblem } from '../../../services/payments/src/domain/payment-account';
import { SEEDED_CATALOGUE } from '../../../services/cases/src/domain/policy.fixture';
import { loadCommunes } from '../households/commune-loader';
import { benchDecisionId, generateLedger, type SyntheticEntitlement } from './synthetic-ledger';

const communes = loadCommunes();
const MONTH = '2026-03';
const take = (seed: number, count: number, month = MONTH): SyntheticEntitlement[] => [
  ...generateLedger({ seed, count, communes, month }),
];

describe('generateLedger', () => {
  const ledger = take(11, 20_000);

  it('gives the same entitlements for the same seed and others for another seed', () => {
    expect(take(11, 300)).toEqual(ledger.slice(0, 300));
    expect(take(12, 300)).not.toEqual(ledger.slice(0, 300));
  });

  it('gives exactly count cases with unique ids, codes and valid citizen IDs', () => {
    expect(ledger).toHaveLength(20_000);
    expect(new Set(ledger.map((e) => e.caseId)).size).toBe(ledger.length);
    expect(new Set(ledger.map((e) => e.caseCode)).size).toBe(ledger.length);
    expect(new Set(ledger.map((e) => e.citizenId)).size).toBe(ledger.length);
    const wrongIds = ledger.filter((e) => {
      const year = 1900 + Number(e.citizenId.slice(4, 6)) + (Number(e.citizenId[3]) >= 2 ? 100 : 0);
      const sex = Number(e.citizenId[3]) % 2 === 0 ? 'male' : 'female';
      return citizenIdProblem(e.citizenId, year, sex) !== undefined;
    });
    expect(wrongIds).toEqual([]);
  });

  it('spreads cases over the communes of all 34 provinces', () => {
    expect(new Set(ledger.map((e) => e.provinceCode)).size).toBe(34);
    const known = new Set(communes.map((c) => c.communeCode));
    expect(ledger.filter((e) => !known.has(e.communeCode))).toEqual([]);
  });

  it('pays about 60 % in cash, 25 % by post and 15 % by bank, with valid accounts', () => {
    const share = (channel: string) =>
      ledger.filter((e) => e.channel === channel).length / ledger.length;
    expect(share('cash_at_commune')).toBeCloseTo(0.6, 1);
    expect(share('post_office')).toBeCloseTo(0.25, 1);
    expect(share('bank_transfer')).toBeCloseTo(0.15, 1);
    const badAccounts = ledger.filter(
      (e) =>
        // Whether the bank is in the bank_code list is checked by the bench (no exception).
        accountProblem(e.channel, e.bankCode, e.accountNumber, true) !== null ||
        (e.channel !== 'bank_transfer' && (e.bankCode !== '' || e.accountNumber !== '')),
    );
    expect(badAccounts).toEqual([]);
  });

  it('owes every case a positive whole amount in the month, from the catalogue base levels', () => {
    const wrong = ledger.filter(
      (e) =>
        !Number.isSafeInteger(e.monthAmountVnd) ||
        e.monthAmountVnd <= 0 ||
        e.fromMonth > MONTH ||
        e.segments[0]?.fromMonth !== e.fromMonth ||
        e.segments[e.segments.length - 1]?.toMonth !== null,
    );
    expect(wrong).toEqual([]);
    const bases = new Set(ledger.flatMap((e) => e.segments.map((s) => s.baseLevelVnd)));
    expect([...bases].sort()).toEqual([360_000, 500_000]);
  });

  it('gives each case the segments the cases engine computes from its first month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 2022, max: 2027 }),
        fc.integer({ min: 1, max: 12 }),
        (seed, year, m) => {
          const month = `${year}-${String(m).padStart(2, '0')}`;
          for (const e of take(seed, 30, month)) {
            const period = {
              fromMonth: e.fromMonth,
              toMonth: null,
              suspended: false,
              categoryCodes: e.categoryCodes,
              disabilityLevel: e.disabilityLevel,
              careSupportTypeCode: e.careSupportTypeCode,
              decisionId: benchDecisionId(e.n),
              decisionNumber: `${e.n}/QĐ-UBND`,
            };
            const person = { ...e, provinceCode: e.provinceCode };
            const direct = entitlementSegments(
              SEEDED_CATALOGUE,
              e.kind,
              person,
              [period],
              e.fromMonth,
            );
            expect(e.segments).toEqual(direct);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
