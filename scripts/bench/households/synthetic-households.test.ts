import { citizenIdProblem } from '@posa/population';
import { nameSearchKey } from '@posa/platform';
import { loadCommunes } from './commune-loader';
import { generateHouseholds, type SyntheticHousehold } from './synthetic-households';
import { SURNAMES } from './vietnamese-names';

const communes = loadCommunes();
const take = (seed: number, count: number): SyntheticHousehold[] => [
  ...generateHouseholds({ seed, count, communes }),
];

describe('loadCommunes', () => {
  it('reads the 3,321 communes of the 2025 structure with their provinces', () => {
    expect(communes).toHaveLength(3321);
    expect(communes[0]).toEqual({ communeCode: '00004', provinceCode: '01', area: 'urban' });
    for (const c of communes) {
      expect(c.communeCode).toMatch(/^[0-9]{5}$/);
      expect(c.provinceCode).toMatch(/^[0-9]{2}$/);
    }
  });
});

describe('generateHouseholds', () => {
  const households = take(42, 5000);
  const members = households.flatMap((h) => h.members);

  it('gives the same households for the same seed and others for another seed', () => {
    expect(take(42, 200)).toEqual(households.slice(0, 200));
    expect(take(43, 200)).not.toEqual(households.slice(0, 200));
  });

  it('issues unique codes of the commune and start year', () => {
    const codes = new Set(households.map((h) => h.code));
    expect(codes.size).toBe(households.length);
    const provinceOf = new Map(communes.map((c) => [c.communeCode, c.provinceCode]));
    const wrong = households.filter(
      (h) =>
        !new RegExp(`^${h.communeCode}-2026-[0-9]{6}$`).test(h.code) ||
        provinceOf.get(h.communeCode) !== h.provinceCode,
    );
    expect(wrong).toEqual([]);
  });

  it('gives citizen IDs that fit birth year and sex to about 90 % of members, never twice', () => {
    const ids = members.filter((m) => m.citizenId !== null);
    expect(ids.length / members.length).toBeGreaterThan(0.87);
    expect(ids.length / members.length).toBeLessThan(0.93);
    expect(ids.filter((m) => citizenIdProblem(m.citizenId!, m.birthYear, m.sex))).toEqual([]);
    expect(new Set(ids.map((m) => m.citizenId)).size).toBe(ids.length);
  });

  it('builds names as surname, one or two middle names and a given name, with diacritics', () => {
    const surnames = new Set(SURNAMES.shares().map(([s]) => s));
    const shape = /^[\p{Lu}][\p{L}]*( [\p{Lu}][\p{L}]*){2,3}$/u;
    const odd = members.filter(
      (m) =>
        !shape.test(m.fullName) ||
        !surnames.has(m.fullName.split(' ')[0]!) ||
        m.fullName !== m.fullName.normalize('NFC'),
    );
    expect(odd).toEqual([]);
    const nguyen = members.filter((m) => m.fullName.startsWith('Nguyễn ')).length;
    expect(nguyen / members.length).toBeGreaterThan(0.3);
    expect(nguyen / members.length).toBeLessThan(0.45);
    expect(members.some((m) => nameSearchKey(m.fullName) !== m.fullName.toLowerCase())).toBe(true);
    expect(members.some((m) => m.fullName.includes('Đ'))).toBe(true);
  });

  it('has 1-7 members with one head first, mean about 4, plausible ages', () => {
    const sizes = households.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(7);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(3.6);
    expect(mean).toBeLessThan(4.2);
    const implausible = households.filter((h) => {
      const head = h.members[0]!;
      return (
        head.relation !== 'head' ||
        h.members.filter((m) => m.relation === 'head').length !== 1 ||
        2026 - head.birthYear < 22 ||
        h.members.some(
          (m) =>
            2026 - m.birthYear < 0 ||
            2026 - m.birthYear > 100 ||
            (m.relation === 'child' && m.birthYear <= head.birthYear + 15) ||
            (m.birthDay !== null && m.birthMonth === null) ||
            !/^(0[1-9]|[1-4][0-9]|5[0-4])$/.test(m.ethnicGroupCode),
        )
      );
    });
    expect(implausible).toEqual([]);
  });
});
