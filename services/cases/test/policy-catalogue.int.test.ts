import { status } from '@grpc/grpc-js';
import { SourceTag, type CalendarDate } from '@posa/proto';
import type { PolicyCatalogue } from '../src/domain/policy-catalogue';
import { SEEDED_CATALOGUE, SEEDED_PROCEDURE_RULES } from '../src/domain/policy.fixture';
import { loadCatalogue, loadProcedureRules } from '../src/store/policy-store';
import { rejectionOf, startHarness, type Harness } from './harness';

const TODAY = '2026-03-10';

let h: Harness;
let national: Record<string, string>;
let admin: Record<string, string>;
let province: Record<string, string>;
let analyst: Record<string, string>;
let roleless: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('policy', { today: () => TODAY });
  national = await h.signIn('national', 'VN', ['officer']);
  admin = await h.signIn('admin', 'VN', ['system_admin']);
  province = await h.signIn('hcmc', '79', ['officer']);
  analyst = await h.signIn('analyst', 'VN', ['analyst']);
  roleless = await h.signIn('roleless', 'VN', []);
});

afterAll(async () => {
  await h?.close();
});

const day = (iso: string): CalendarDate => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: d! };
};

const edit = (validFrom: string) => ({
  validFrom: day(validFrom),
  legalSource: 'Nghị định thử nghiệm',
  tag: SourceTag.SOURCE_TAG_CONFIRMED,
  reason: 'Điều chỉnh theo văn bản mới',
});

/** Every list in one order, so the comparison is of contents. */
function sorted(c: PolicyCatalogue): PolicyCatalogue {
  const by = <T>(items: T[], key: (t: T) => string): T[] =>
    [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    baseLevels: by(c.baseLevels, (b) => b.id),
    categories: by(c.categories, (x) => x.code),
    coefficientRules: by(c.coefficientRules, (r) => r.id),
    careSupportTypes: by(c.careSupportTypes, (t) => `${t.code} ${t.validFrom}`),
    emergencyTypes: by(c.emergencyTypes, (t) => `${t.code} ${t.validFrom}`),
  };
}

const changes = async (): Promise<number> =>
  Number((await h.app.pool.query('SELECT count(*) AS n FROM policy_change')).rows[0].n);

describe('seeded catalogue', () => {
  it('loads to exactly the unit-test fixture', async () => {
    expect(sorted(await loadCatalogue(h.app.pool))).toEqual(sorted(SEEDED_CATALOGUE));
    expect(await loadProcedureRules(h.app.pool)).toEqual(SEEDED_PROCEDURE_RULES);
  });

  it('GetCatalogue shows the versions in force today, or every version with history', async () => {
    const now = await h.policies.call(
      'getCatalogue',
      { includeHistory: false },
      { metadata: analyst },
    );
    expect(now.asOf).toEqual(day(TODAY));
    expect(now.baseLevels.map((b) => b.amountVnd)).toEqual(['500000']);
    expect(now.categories).toHaveLength(11);
    expect(now.categories.every((c) => c.code.startsWith('nd20-'))).toBe(true);
    expect(now.emergencyAssistanceTypes).toHaveLength(6);
    const rule = now.coefficientRules.find((r) => r.id === 'nd20-6-extremely-severe-child')!;
    expect(rule).toMatchObject({ maxAgeMonths: 192, coefficientHundredths: 250 });
    expect(rule.minAgeMonths).toBeUndefined();
    expect(rule.validity?.tag).toBe(SourceTag.SOURCE_TAG_CONFIRMED);

    const old = await h.policies.call(
      'getCatalogue',
      { asOf: day('2021-06-30'), includeHistory: false },
      { metadata: analyst },
    );
    expect(old.baseLevels.map((b) => [b.amountVnd, b.validity?.tag])).toEqual([
      ['270000', SourceTag.SOURCE_TAG_UNVERIFIED],
    ]);
    expect(old.categories.every((c) => c.code.startsWith('nd136-'))).toBe(true);

    const all = await h.policies.call(
      'getCatalogue',
      { includeHistory: true },
      { metadata: analyst },
    );
    expect(all.baseLevels).toHaveLength(3);
    expect(all.categories).toHaveLength(20);
  });

  it('ListProcedureRules gives both rules with their levels and working days', async () => {
    const { rules } = await h.policies.call('listProcedureRules', {}, { metadata: analyst });
    expect(rules.map((r) => [r.code, r.decisionLevel, r.completenessDays])).toEqual([
      ['nd20-2021', 'district', 7],
      ['nd147-2025', 'commune', 3],
    ]);
    expect(rules[1]!.validity?.validTo).toBeUndefined();
  });

  it('refuses a caller without a staff role', async () => {
    const err = await rejectionOf(
      h.policies.call('getCatalogue', { includeHistory: false }, { metadata: roleless }),
    );
    expect(err.code).toBe(status.PERMISSION_DENIED);
  });
});

describe('recording new versions', () => {
  it('a national base level from a future date closes the one in force the day before', async () => {
    const before = await changes();
    const answer = await h.policies.call(
      'recordBaseLevel',
      { provinceCode: '', amountVnd: '600000', ...edit('2026-07-01') },
      { metadata: national },
    );
    expect(answer.baseLevel).toMatchObject({ id: 'vn-2026-07-01', amountVnd: '600000' });
    expect(answer.closed).toMatchObject({ id: 'vn-2024-07-01' });
    expect(answer.closed?.validity?.validTo).toEqual(day('2026-06-30'));
    expect(await changes()).toBe(before + 1);
    const { rows } = await h.app.pool.query(
      `SELECT entity, entity_key, actor_unit_code, reason, before->0->>'id' AS closed_id
         FROM policy_change ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      entity: 'base_level',
      entity_key: 'vn-2026-07-01',
      actor_unit_code: 'VN',
      reason: 'Điều chỉnh theo văn bản mới',
      closed_id: 'vn-2024-07-01',
    });
    const june = await h.policies.call(
      'getCatalogue',
      { asOf: day('2026-06-30'), includeHistory: false },
      { metadata: analyst },
    );
    const july = await h.policies.call(
      'getCatalogue',
      { asOf: day('2026-07-01'), includeHistory: false },
      { metadata: analyst },
    );
    expect(june.baseLevels.map((b) => b.amountVnd)).toEqual(['500000']);
    expect(july.baseLevels.map((b) => b.amountVnd)).toEqual(['600000']);
  });

  it('never rewrites the past: today or earlier is INVALID_ARGUMENT, before a later version FAILED_PRECONDITION', async () => {
    const before = await changes();
    const past = await rejectionOf(
      h.policies.call(
        'recordBaseLevel',
        { provinceCode: '', amountVnd: '700000', ...edit(TODAY) },
        { metadata: national },
      ),
    );
    expect(past.code).toBe(status.INVALID_ARGUMENT);
    expect(past.field).toBe('valid_from');
    const earlier = await rejectionOf(
      h.policies.call(
        'recordBaseLevel',
        { provinceCode: '', amountVnd: '700000', ...edit('2026-05-01') },
        { metadata: admin },
      ),
    );
    expect(earlier.code).toBe(status.FAILED_PRECONDITION);
    expect(earlier.message).toMatch(/valid_from/);
    expect(await changes()).toBe(before);
  });

  it('a province officer records a base level for that province only, not below the national one', async () => {
    const own = await h.policies.call(
      'recordBaseLevel',
      { provinceCode: '79', amountVnd: '650000', ...edit('2026-08-01') },
      { metadata: province },
    );
    expect(own.baseLevel).toMatchObject({ id: '79-2026-08-01', provinceCode: '79' });
    expect(own.closed).toBeUndefined();
    const other = await rejectionOf(
      h.policies.call(
        'recordBaseLevel',
        { provinceCode: '01', amountVnd: '650000', ...edit('2026-08-01') },
        { metadata: province },
      ),
    );
    expect(other.code).toBe(status.PERMISSION_DENIED);
    const nationwide = await rejectionOf(
      h.policies.call(
        'recordBaseLevel',
        { provinceCode: '', amountVnd: '650000', ...edit('2026-09-01') },
        { metadata: province },
      ),
    );
    expect(nationwide.code).toBe(status.PERMISSION_DENIED);
    const below = await rejectionOf(
      h.policies.call(
        'recordBaseLevel',
        { provinceCode: '48', amountVnd: '550000', ...edit('2026-08-01') },
        { metadata: national },
      ),
    );
    expect(below.code).toBe(status.INVALID_ARGUMENT);
    expect(below.field).toBe('amount_vnd');
  });

  it('only national officers and system administrators edit coefficients', async () => {
    const request = {
      categoryCode: 'nd20-5a',
      minAgeMonths: 960,
      disabilityLevel: '',
      coefficientHundredths: 220,
      ...edit('2026-09-01'),
    };
    for (const metadata of [province, analyst]) {
      const err = await rejectionOf(
        h.policies.call('recordCoefficientRule', request, { metadata }),
      );
      expect(err.code).toBe(status.PERMISSION_DENIED);
    }
    const answer = await h.policies.call('recordCoefficientRule', request, { metadata: national });
    expect(answer.rule).toMatchObject({
      categoryCode: 'nd20-5a',
      minAgeMonths: 960,
      coefficientHundredths: 220,
    });
    expect(answer.closed.map((r) => r.id)).toEqual(['nd20-5a-from-80']);
    const catalogue = await loadCatalogue(h.app.pool);
    const eighty = catalogue.coefficientRules.filter(
      (r) => r.categoryCode === 'nd20-5a' && r.minAgeMonths === 960,
    );
    expect(eighty.map((r) => [r.coefficientHundredths, r.validFrom, r.validTo])).toEqual([
      [200, '2021-07-01', '2026-08-31'],
      [220, '2026-09-01', null],
    ]);
  });

  it('names the bad field of a coefficient rule', async () => {
    const base = {
      categoryCode: 'nd20-6',
      disabilityLevel: 'severe',
      coefficientHundredths: 150,
      ...edit('2026-09-01'),
    };
    const cases: [object, string][] = [
      [{ disabilityLevel: 'mild' }, 'disability_level'],
      [{ coefficientHundredths: 0 }, 'coefficient_hundredths'],
      [{ categoryCode: 'nd20-99' }, 'category_code'],
      [{ minAgeMonths: 200, maxAgeMonths: 100 }, 'max_age_months'],
      [{ tag: SourceTag.SOURCE_TAG_UNSPECIFIED }, 'tag'],
      [{ reason: '  ' }, 'reason'],
    ];
    for (const [change, field] of cases) {
      const err = await rejectionOf(
        h.policies.call('recordCoefficientRule', { ...base, ...change }, { metadata: admin }),
      );
      expect([err.code, err.field]).toEqual([status.INVALID_ARGUMENT, field]);
    }
  });

  it('a new category replaces an old one; its code must be new', async () => {
    const answer = await h.policies.call(
      'recordCategory',
      {
        code: 'nd99-7',
        group: '7',
        decree: '99/2026/NĐ-CP',
        nameVi: 'Trẻ em dưới 6 tuổi',
        replacesCode: 'nd20-7',
        ...edit('2027-01-01'),
      },
      { metadata: national },
    );
    expect(answer.category?.code).toBe('nd99-7');
    expect(answer.closed?.validity?.validTo).toEqual(day('2026-12-31'));
    const again = await rejectionOf(
      h.policies.call(
        'recordCategory',
        {
          code: 'nd99-7',
          group: '7',
          decree: '99/2026/NĐ-CP',
          nameVi: 'Lặp lại',
          replacesCode: '',
          ...edit('2027-02-01'),
        },
        { metadata: national },
      ),
    );
    expect(again.code).toBe(status.ALREADY_EXISTS);
  });

  it('care-support and emergency types get new versions by code', async () => {
    const care = await h.policies.call(
      'recordCareSupportType',
      {
        code: 'cs-household-carer',
        nameVi: 'Hộ gia đình chăm sóc người khuyết tật đặc biệt nặng',
        coefficientHundredths: 120,
        ...edit('2026-10-01'),
      },
      { metadata: admin },
    );
    expect(care.closed).toMatchObject({ code: 'cs-household-carer', coefficientHundredths: 100 });
    const emergency = await h.policies.call(
      'recordEmergencyAssistanceType',
      {
        code: 'flood-evacuation',
        nameVi: 'Hỗ trợ sơ tán',
        descriptionVi: 'Hỗ trợ di dời khẩn cấp',
        ...edit('2026-10-01'),
      },
      { metadata: admin },
    );
    expect(emergency.emergencyAssistanceType?.code).toBe('flood-evacuation');
    expect(emergency.closed).toBeUndefined();
    const history = await h.policies.call(
      'getCatalogue',
      { includeHistory: true },
      { metadata: analyst },
    );
    expect(history.careSupportTypes.filter((t) => t.code === 'cs-household-carer')).toHaveLength(2);
  });
});
