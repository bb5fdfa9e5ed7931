import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';
import { issueVillageCode, validateVillageInput, villageNameKey } from './village';

describe('issueVillageCode', () => {
  it('appends a 3-digit number to the commune code, counting up from 001', () => {
    expect(issueVillageCode('00004', 0)).toEqual({ code: '00004001', number: 1 });
    expect(issueVillageCode('26734', 41)).toEqual({ code: '26734042', number: 42 });
    expect(issueVillageCode('26734', 998)).toEqual({ code: '26734999', number: 999 });
  });

  it('refuses a thousandth village', () => {
    expect(() => issueVillageCode('00004', 999)).toThrow(FailedPreconditionError);
  });
});

describe('validateVillageInput', () => {
  const ok = { communeCode: '00004', name: '  Thôn   Đông ', kind: 'rural' as const };

  it('normalises the name (NFC, single spaces)', () => {
    const input = validateVillageInput({ ...ok, name: 'Tổ dân phố  số 5'.normalize('NFD') });
    expect(input.name).toBe('Tổ dân phố số 5');
    expect(input.name).toBe(input.name.normalize('NFC'));
    expect(validateVillageInput(ok).name).toBe('Thôn Đông');
  });

  it('names the bad field', () => {
    const fieldOf = (input: Parameters<typeof validateVillageInput>[0]): string => {
      try {
        validateVillageInput(input);
      } catch (err) {
        if (err instanceof InvalidArgumentError) return err.field;
      }
      return 'none';
    };
    expect(fieldOf({ ...ok, name: '   ' })).toBe('name');
    expect(fieldOf({ ...ok, name: '12' })).toBe('name');
    expect(fieldOf({ ...ok, name: 'Thôn <b>' })).toBe('name');
    expect(fieldOf({ ...ok, name: 'x'.repeat(101) })).toBe('name');
    expect(fieldOf({ ...ok, communeCode: '001' })).toBe('commune_code');
    expect(fieldOf({ ...ok, kind: undefined })).toBe('kind');
    expect(fieldOf(ok)).toBe('none');
  });
});

describe('villageNameKey', () => {
  it('ignores case and spacing but keeps diacritics', () => {
    expect(villageNameKey('Thôn  ĐÔNG')).toBe(villageNameKey('thôn đông'));
    expect(villageNameKey('Thôn Đông')).not.toBe(villageNameKey('Thon Dong'));
  });
});
