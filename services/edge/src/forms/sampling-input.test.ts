import { drawSizeOf, fieldChecksFromForm } from './sampling-input';

const MEMBER = '0b6c2f1e-1111-4a2b-8c3d-123456789abc';

describe('draw size', () => {
  it('takes a number of households or a rate in percent as basis points', () => {
    expect(drawSizeOf('12', '')).toEqual({ sampleSize: 12 });
    expect(drawSizeOf('', '2.5')).toEqual({ rateBasisPoints: 250 });
    expect(drawSizeOf('', '2,5')).toEqual({ rateBasisPoints: 250 });
    expect(drawSizeOf('', '100')).toEqual({ rateBasisPoints: 10000 });
  });

  it('refuses both, neither, and values out of range, naming the field', () => {
    expect(() => drawSizeOf('', '')).toThrow(expect.objectContaining({ field: 'sample_size' }));
    expect(() => drawSizeOf('3', '5')).toThrow(expect.objectContaining({ field: 'sample_size' }));
    expect(() => drawSizeOf('0', '')).toThrow(expect.objectContaining({ field: 'sample_size' }));
    expect(() => drawSizeOf('', '0')).toThrow(expect.objectContaining({ field: 'rate_percent' }));
    expect(() => drawSizeOf('', '101')).toThrow(expect.objectContaining({ field: 'rate_percent' }));
    expect(() => drawSizeOf('', '1.234')).toThrow(
      expect.objectContaining({ field: 'rate_percent' }),
    );
  });
});

describe('field checks of the form', () => {
  it('keeps ok and error answers, with the member of member fields, and drops the rest', () => {
    const checks = fieldChecksFromForm({
      _csrf: 'x',
      'c.household_code': 'ok',
      'c.address': 'error',
      'c.sanitation': '',
      [`c.full_name.${MEMBER}`]: 'error',
      'c.sex.not-a-uuid': 'ok',
      'c.Bad': 'ok',
      note: 'n',
    });
    expect(checks).toEqual([
      { field: 'household_code', memberId: '', error: false },
      { field: 'address', memberId: '', error: true },
      { field: 'full_name', memberId: MEMBER, error: true },
    ]);
  });
});
