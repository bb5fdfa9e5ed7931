import { assembleStructure, parseUnitRow, type UnitRow } from './unit-rows';

const FILE = 'units-2024.csv';

function row(fields: string[], line = 2): UnitRow {
  const result = parseUnitRow('2024', FILE, line, fields);
  if (!('row' in result)) throw new Error(JSON.stringify(result.problems));
  return result.row;
}

function problemsOf(structure: '2024' | '2025', fields: string[]): string[] {
  const result = parseUnitRow(structure, FILE, 7, fields);
  return 'problems' in result
    ? result.problems.map((p) => `${p.line} ${p.field}: ${p.reason}`)
    : [];
}

describe('parseUnitRow', () => {
  it('accepts valid rows of each level', () => {
    expect(
      row([
        'province',
        '01',
        'Thành phố Hà Nội',
        'Hà Nội',
        'Thành phố trực thuộc trung ương',
        '',
        '01',
      ]).parentCode,
    ).toBeNull();
    expect(
      row(['commune', '00001', 'Phường Phúc Xá', 'Phúc Xá', 'Phường', '001', '01']).parentCode,
    ).toBe('001');
  });

  it('checks the code format by level', () => {
    expect(problemsOf('2024', ['commune', '0001', 'Phường A', 'A', 'Phường', '001', '01'])).toEqual(
      ['7 code: commune code must be 5 digits, got "0001"'],
    );
    expect(problemsOf('2024', ['district', '01', 'Quận A', 'A', 'Quận', '1', '01'])).toEqual([
      '7 code: district code must be 3 digits, got "01"',
      '7 parent_code: province code must be 2 digits, got "1"',
    ]);
  });

  it('knows the levels of each structure', () => {
    expect(problemsOf('2025', ['district', '001', 'Quận A', 'A', 'Quận', '01'])).toEqual([
      '7 level: must be one of province, commune in structure 2025',
    ]);
    expect(
      problemsOf('2025', ['commune', '00004', 'Phường Ba Đình', 'Ba Đình', 'Phường', '001']),
    ).toEqual(['7 parent_code: province code must be 2 digits, got "001"']);
  });

  it('requires NFC names without padding and the right number of fields', () => {
    const decomposed = 'Phường Phúc Xá'.normalize('NFD');
    expect(
      problemsOf('2024', ['commune', '00001', decomposed, ' Phúc Xá', 'Phường', '001', '01']),
    ).toEqual([
      '7 name: must be NFC-normalised',
      '7 short_name: must not start or end with spaces',
    ]);
    expect(problemsOf('2024', ['commune', '00001'])).toEqual(['7 (row): expected 7 fields, got 2']);
    expect(problemsOf('2024', ['province', '01', 'Tỉnh A', 'A', 'Tỉnh', '02', '01'])).toEqual([
      '7 parent_code: must be empty for a province',
    ]);
  });
});

describe('assembleStructure', () => {
  const province = row(
    ['province', '01', 'Thành phố Hà Nội', 'Hà Nội', 'Thành phố trực thuộc trung ương', '', '01'],
    2,
  );
  const district = row(['district', '001', 'Quận Ba Đình', 'Ba Đình', 'Quận', '01', '01'], 3);
  const commune = row(['commune', '00001', 'Phường Phúc Xá', 'Phúc Xá', 'Phường', '001', '01'], 4);

  it('builds paths, province codes and search keys', () => {
    const { records, problems } = assembleStructure('2024', FILE, [province, district, commune]);
    expect(problems).toEqual([]);
    expect(records[2]).toMatchObject({
      path: '01/001/00001',
      provinceCode: '01',
      searchText: 'phuong phuc xa',
      shortKey: 'phuc xa',
    });
  });

  it('refuses missing parents, parents at the wrong level, duplicates and a wrong province column', () => {
    const orphan = { ...commune, line: 5, code: '00002', parentCode: '999' };
    const wrongLevel = { ...commune, line: 6, code: '00003', parentCode: '01' };
    const duplicate = { ...commune, line: 7 };
    const wrongProvince = { ...commune, line: 8, code: '00005', provinceCode: '02' };
    const { problems } = assembleStructure('2024', FILE, [
      province,
      district,
      commune,
      orphan,
      wrongLevel,
      duplicate,
      wrongProvince,
    ]);
    expect(problems.map((p) => `${p.line} ${p.field}: ${p.reason}`)).toEqual([
      '5 parent_code: 999 is not a unit listed above this row',
      '6 parent_code: 01 is a province, expected a district',
      '7 code: 00001 is listed twice',
      '8 province_code: 02 differs from the province above the unit (01)',
    ]);
  });
});
