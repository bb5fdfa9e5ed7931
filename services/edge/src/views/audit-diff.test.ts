import { snapshotDiff, valueText } from './audit-diff';

describe('audit diff', () => {
  it('keeps only the changed keys, sorted', () => {
    const before = { username: 'lan', roles: ['officer'], status: 'active', lockReason: null };
    const after = {
      username: 'lan',
      roles: ['analyst', 'officer'],
      status: 'locked',
      lockReason: 'admin_action',
    };
    expect(snapshotDiff(before, after)).toEqual([
      { key: 'lockReason', before: '', after: 'admin_action' },
      { key: 'roles', before: 'officer', after: 'analyst, officer' },
      { key: 'status', before: 'active', after: 'locked' },
    ]);
  });

  it('lists the whole new state of a creation and the old state of a removal', () => {
    expect(snapshotDiff(null, { code: '00004001', name: 'Thôn 1', lockReason: null })).toEqual([
      { key: 'code', after: '00004001' },
      { key: 'name', after: 'Thôn 1' },
    ]);
    expect(snapshotDiff({ a: 1 }, null)).toEqual([{ key: 'a', before: '1' }]);
    expect(snapshotDiff(null, null)).toEqual([]);
  });

  it('writes values as short text', () => {
    expect(valueText(undefined)).toBe('');
    expect(valueText(true)).toBe('true');
    expect(valueText({ x: [1] })).toBe('{"x":[1]}');
    expect(valueText([['a'], 'b'])).toBe('a, b');
  });
});
