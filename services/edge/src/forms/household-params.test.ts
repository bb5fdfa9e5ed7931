import { EdgeError } from '../http/errors';
import { asOfInstant, idParam, unitCodeParam } from './household-params';

describe('household parameters', () => {
  it('reads a day as the end of that day in Vietnam', () => {
    expect(asOfInstant('2026-03-01')?.toISOString()).toBe('2026-03-01T16:59:59.999Z');
    expect(asOfInstant('2026-03-01T08:00:00+07:00')?.toISOString()).toBe(
      '2026-03-01T01:00:00.000Z',
    );
    expect(asOfInstant('')).toBeUndefined();
  });

  it('refuses malformed values naming the field', () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026-03-01T08:00']) {
      expect(() => asOfInstant(bad)).toThrow(EdgeError);
      try {
        asOfInstant(bad);
      } catch (err) {
        expect((err as EdgeError).field).toBe('as_of');
      }
    }
    expect(() => idParam('x', 'id')).toThrow('must be a UUID');
    expect(() => unitCodeParam('123')).toThrow(EdgeError);
    expect(unitCodeParam('VN')).toBe('VN');
    expect(unitCodeParam('00004')).toBe('00004');
  });
});
