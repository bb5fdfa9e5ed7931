import { status } from '@grpc/grpc-js';
import { AdministrativeStructure as S, UnitLevel, UnitRelation, type Unit } from '@posa/proto';
import { countUnits } from '../src/store/unit-store';
import { rejectionOf, startHarness, type Harness } from './harness';

const S2024 = { structure: S.ADMINISTRATIVE_STRUCTURE_2024 };
const S2025 = { structure: S.ADMINISTRATIVE_STRUCTURE_2025 };

let h: Harness;
let md: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('catalogue');
  md = await h.signIn('analyst', '79', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

const call = <K extends Parameters<Harness['client']['call']>[0]>(
  method: K,
  request: Parameters<Harness['client']['call']>[1],
) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  h.client.call(method, request as any, { metadata: md }) as Promise<any>;

describe('catalogue load', () => {
  it('holds 63/696/10,035 units before the reform and 34/3,321 after', async () => {
    expect(await countUnits(h.app.pool)).toEqual({
      '2024': { province: 63, district: 696, commune: 10035 },
      '2025': { province: 34, commune: 3321 },
    });
    expect(h.app.catalogue?.status).toBe('loaded');
    const provinces2024 = await call('listChildren', {
      parentCode: '',
      ...S2024,
      page: { pageSize: 100, pageToken: '' },
    });
    const provinces2025 = await call('listChildren', {
      parentCode: '',
      ...S2025,
      page: { pageSize: 100, pageToken: '' },
    });
    expect(provinces2024.units).toHaveLength(63);
    expect(provinces2025.units).toHaveLength(34);
  });
});

describe('GetUnit, ListChildren, ListAncestors, ListSubtree', () => {
  it('reads the same code in each structure as a different unit (codes were reused)', async () => {
    const before = await call('getUnit', {
      code: '00004',
      asOf: { year: 2025, month: 6, day: 30 },
    });
    const after = await call('getUnit', { code: '00004', asOf: { year: 2025, month: 7, day: 1 } });
    expect(before.unit).toMatchObject({
      name: 'Phường Trúc Bạch',
      parentCode: '001',
      structure: S.ADMINISTRATIVE_STRUCTURE_2024,
    });
    expect(before.unit.validTo).toEqual({ year: 2025, month: 6, day: 30 });
    expect(after.unit).toMatchObject({
      name: 'Phường Ba Đình',
      parentCode: '01',
      level: UnitLevel.UNIT_LEVEL_COMMUNE,
    });
    expect(after.unit.validFrom).toEqual({ year: 2025, month: 7, day: 1 });
    expect(after.unit.validTo).toBeUndefined();
    const today = await call('getUnit', { code: '00004' });
    expect(today.unit.structure).toBe(S.ADMINISTRATIVE_STRUCTURE_2025);
  });

  it('lists children in both structures and pages through them', async () => {
    const district = await call('listChildren', {
      parentCode: '001',
      ...S2024,
      page: { pageSize: 10, pageToken: '' },
    });
    expect(district.units[0]).toMatchObject({ code: '00001', name: 'Phường Phúc Xá' });
    expect(district.units).toHaveLength(10);
    const next = await call('listChildren', {
      parentCode: '001',
      ...S2024,
      page: { pageSize: 10, pageToken: district.page.nextPageToken },
    });
    expect(next.units.length).toBeGreaterThan(0);
    expect(next.units[0].code > district.units[9].code).toBe(true);
    const hanoi = await call('listChildren', {
      parentCode: '01',
      ...S2025,
      page: { pageSize: 500, pageToken: '' },
    });
    expect(hanoi.units.every((u: Unit) => u.level === UnitLevel.UNIT_LEVEL_COMMUNE)).toBe(true);
    expect(hanoi.units.map((u: Unit) => u.code)).toContain('00004');
    const noDistricts = await rejectionOf(call('listChildren', { parentCode: '001', ...S2025 }));
    expect(noDistricts).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'parent_code' });
  });

  it('lists ancestors from the province down', async () => {
    const old = await call('listAncestors', { code: '00001', ...S2024 });
    expect(old.units.map((u: Unit) => u.code)).toEqual(['01', '001']);
    const current = await call('listAncestors', { code: '00004', ...S2025 });
    expect(current.units.map((u: Unit) => u.code)).toEqual(['01']);
    expect((await call('listAncestors', { code: '01', ...S2025 })).units).toEqual([]);
  });

  it('walks a whole subtree depth first, page by page', async () => {
    const seen: Unit[] = [];
    let pageToken = '';
    do {
      const res = await call('listSubtree', {
        code: '01',
        ...S2024,
        page: { pageSize: 200, pageToken },
      });
      seen.push(...res.units);
      pageToken = res.page.nextPageToken;
    } while (pageToken !== '');
    const expected = await h.app.pool.query(
      "SELECT count(*)::int AS n FROM unit WHERE structure = '2024' AND province_code = '01' AND code <> '01'",
    );
    expect(seen).toHaveLength(expected.rows[0].n);
    const position = new Map(seen.map((u, i) => [u.code, i]));
    for (const [i, u] of seen.entries()) {
      if (u.level === UnitLevel.UNIT_LEVEL_COMMUNE)
        expect(position.get(u.parentCode)).toBeLessThan(i);
    }
  });

  it('answers NOT_FOUND for unknown codes', async () => {
    expect(await rejectionOf(call('getUnit', { code: '99999', ...S2025 }))).toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

describe('SearchUnits', () => {
  it('finds names typed without diacritics, best match first', async () => {
    const res = await call('searchUnits', {
      query: 'phuc xa',
      ...S2024,
      level: 0,
      provinceCode: '',
    });
    expect(res.units[0]).toMatchObject({ code: '00001', name: 'Phường Phúc Xá' });
    const dakLak = await call('searchUnits', {
      query: 'dak lak',
      ...S2025,
      level: UnitLevel.UNIT_LEVEL_PROVINCE,
      provinceCode: '',
    });
    expect(dakLak.units.map((u: Unit) => u.name)).toEqual(['Tỉnh Đắk Lắk']);
  });

  it('filters by province and pages with tokens bound to the query', async () => {
    const first = await call('searchUnits', {
      query: 'an',
      ...S2025,
      level: 0,
      provinceCode: '79',
      page: { pageSize: 5, pageToken: '' },
    });
    expect(first.units).toHaveLength(5);
    expect(first.units.every((u: Unit) => u.provinceCode === '79')).toBe(true);
    const second = await call('searchUnits', {
      query: 'an',
      ...S2025,
      level: 0,
      provinceCode: '79',
      page: { pageSize: 5, pageToken: first.page.nextPageToken },
    });
    const codes = new Set(first.units.map((u: Unit) => u.code));
    expect(second.units.some((u: Unit) => codes.has(u.code))).toBe(false);
    const foreign = await rejectionOf(
      call('searchUnits', {
        query: 'binh',
        ...S2025,
        level: 0,
        provinceCode: '79',
        page: { pageSize: 5, pageToken: first.page.nextPageToken },
      }),
    );
    expect(foreign).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'page.page_token' });
  });

  it('refuses an empty query, naming the field', async () => {
    expect(
      await rejectionOf(call('searchUnits', { query: ' - ', level: 0, provinceCode: '' })),
    ).toMatchObject({
      code: status.INVALID_ARGUMENT,
      field: 'query',
    });
  });
});

describe('ResolveUnit', () => {
  it('resolves an old commune through the official table', async () => {
    const res = await call('resolveUnit', { oldCode: '00001' });
    expect(res.oldUnit).toMatchObject({
      name: 'Phường Phúc Xá',
      structure: S.ADMINISTRATIVE_STRUCTURE_2024,
    });
    expect(res.successors).toHaveLength(1);
    expect(res.successors[0]).toMatchObject({
      relation: UnitRelation.UNIT_RELATION_FULL,
      note: 'Nhập toàn bộ',
    });
    expect(res.successors[0].unit).toMatchObject({
      code: '00097',
      name: 'Phường Hồng Hà',
      structure: S.ADMINISTRATIVE_STRUCTURE_2025,
    });
  });

  it('resolves an old district through its communes', async () => {
    const res = await call('resolveUnit', { oldCode: '001' });
    expect(res.successors.map((s: { unit: Unit }) => s.unit.code)).toEqual([
      '00004',
      '00008',
      '00025',
      '00070',
      '00097',
      '00190',
      '00199',
      '00226',
    ]);
    expect(
      res.successors.every(
        (s: { relation: UnitRelation }) => s.relation === UnitRelation.UNIT_RELATION_PARTIAL,
      ),
    ).toBe(true);
    const island = await call('resolveUnit', { oldCode: '536' });
    expect(island.successors).toHaveLength(1);
    expect(island.successors[0]).toMatchObject({ relation: UnitRelation.UNIT_RELATION_FULL });
    expect(island.successors[0].unit).toMatchObject({ code: '21548', name: 'Đặc khu Lý Sơn' });
  });

  it('resolves an old province through the province table', async () => {
    const merged = await call('resolveUnit', { oldCode: '02' });
    expect(merged.successors[0]).toMatchObject({ relation: UnitRelation.UNIT_RELATION_FULL });
    expect(merged.successors[0].unit).toMatchObject({ code: '08', name: 'Tỉnh Tuyên Quang' });
    const kept = await call('resolveUnit', { oldCode: '04' });
    expect(kept.successors[0]).toMatchObject({ relation: UnitRelation.UNIT_RELATION_UNCHANGED });
  });

  it('refuses malformed and unknown old codes', async () => {
    expect(await rejectionOf(call('resolveUnit', { oldCode: '1234' }))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      field: 'old_code',
    });
    expect(await rejectionOf(call('resolveUnit', { oldCode: '99999' }))).toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

describe('as-of date and authentication', () => {
  it('refuses dates the catalogue does not cover, naming as_of', async () => {
    const err = await rejectionOf(
      call('getUnit', { code: '01', asOf: { year: 2020, month: 1, day: 1 } }),
    );
    expect(err).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'as_of' });
  });

  it('refuses calls without a token', async () => {
    const err = await rejectionOf(h.client.call('getUnit', { code: '01' }));
    expect(err).toMatchObject({ code: status.UNAUTHENTICATED });
  });
});
