import { parsePostmasterPid } from './postgres-data-dir';

describe('parsePostmasterPid', () => {
  it('reads the pid from the first line', () => {
    expect(parsePostmasterPid('4242\n/var/lib/pg\n1700000000\n5432\n')).toBe(4242);
  });

  it('returns undefined for an empty or damaged file', () => {
    expect(parsePostmasterPid('')).toBeUndefined();
    expect(parsePostmasterPid('abc\n')).toBeUndefined();
    expect(parsePostmasterPid('0\n')).toBeUndefined();
  });
});
