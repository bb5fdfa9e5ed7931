import { InvalidArgumentError } from '@posa/platform';
import { criterionKey, maskCitizenId, parseSearchQuery, type RawSearchQuery } from './search-query';

const q = (over: Partial<RawSearchQuery>): RawSearchQuery => ({
  name: '',
  citizenId: '',
  householdCode: '',
  householdCodePrefix: '',
  ...over,
});

function fieldOf(raw: RawSearchQuery): string {
  try {
    parseSearchQuery(raw);
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('parseSearchQuery', () => {
  it('normalises names to the name_search words, deduplicated', () => {
    expect(parseSearchQuery(q({ name: '  Nguyễn   Văn ĐỨC ' }))).toEqual({
      kind: 'name',
      words: ['nguyen', 'van', 'duc'],
    });
    expect(parseSearchQuery(q({ name: 'đ Đ du' }))).toEqual({ kind: 'name', words: ['d', 'du'] });
    expect(parseSearchQuery(q({ name: 'du' }))).toEqual({ kind: 'name', words: ['du'] });
  });

  it('takes exact citizen IDs, codes and code prefixes', () => {
    expect(parseSearchQuery(q({ citizenId: '001085012345' })).kind).toBe('citizen_id');
    expect(parseSearchQuery(q({ householdCode: '00004-2026-000001' })).kind).toBe('household_code');
    for (const prefix of ['00004', '00004-', '00004-20', '00004-2026-', '00004-2026-0000']) {
      expect(parseSearchQuery(q({ householdCodePrefix: prefix }))).toEqual({
        kind: 'household_code_prefix',
        prefix,
      });
    }
  });

  it('names the field of bad input', () => {
    expect(fieldOf(q({}))).toBe('query');
    expect(fieldOf(q({ name: 'an', citizenId: '001085012345' }))).toBe('query');
    expect(fieldOf(q({ name: 'đ' }))).toBe('query.name');
    expect(fieldOf(q({ name: 'an 12' }))).toBe('query.name');
    expect(fieldOf(q({ name: 'a b c d e f g h i' }))).toBe('query.name');
    expect(fieldOf(q({ citizenId: '00108501234x' }))).toBe('query.citizen_id');
    expect(fieldOf(q({ householdCode: '00004-2026-1' }))).toBe('query.household_code');
    expect(fieldOf(q({ householdCodePrefix: '0000' }))).toBe('query.household_code_prefix');
    expect(fieldOf(q({ householdCodePrefix: '00004%' }))).toBe('query.household_code_prefix');
  });

  it('keys criteria so that different queries differ', () => {
    const a = criterionKey(parseSearchQuery(q({ name: 'le van' })));
    const b = criterionKey(parseSearchQuery(q({ name: 'le van nam' })));
    expect(a).not.toBe(b);
    expect(criterionKey(parseSearchQuery(q({ name: 'Lê  Văn' })))).toBe(a);
  });
});

describe('maskCitizenId', () => {
  it('shows the last four digits only', () => {
    expect(maskCitizenId('001085012345')).toBe('********2345');
    expect(maskCitizenId(null)).toBe('');
    expect(maskCitizenId('')).toBe('');
  });
});
