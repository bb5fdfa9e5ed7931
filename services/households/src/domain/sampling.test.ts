import fc from 'fast-check';
import { drawSample, populationDigest, sizeForRate } from './sampling-draw';
import { kindOfField } from './sampling-fields';
import { checkRate, decide, percentOf } from './sampling-result';

const idsArb = fc.uniqueArray(fc.uuid(), { maxLength: 60 });
const seedArb = fc.stringMatching(/^[0-9a-f]{32}$/);

describe('drawSample (property)', () => {
  it('gives the same sample for the same seed and population in any order', () => {
    fc.assert(
      fc.property(idsArb, seedArb, fc.nat(70), fc.func(fc.integer()), (ids, seed, size, key) => {
        const shuffled = [...ids].sort((a, b) => key(a) - key(b) || (a < b ? -1 : 1));
        expect(drawSample(shuffled, size, seed)).toEqual(drawSample(ids, size, seed));
        expect(populationDigest(shuffled)).toBe(populationDigest(ids));
      }),
    );
  });

  it('draws min(size, population) distinct members of the population', () => {
    fc.assert(
      fc.property(idsArb, seedArb, fc.nat(70), (ids, seed, size) => {
        const sample = drawSample(ids, size, seed);
        expect(sample).toHaveLength(Math.min(size, ids.length));
        expect(new Set(sample).size).toBe(sample.length);
        for (const id of sample) expect(ids).toContain(id);
      }),
    );
  });

  it('makes a smaller sample a prefix of a larger one', () => {
    fc.assert(
      fc.property(idsArb, seedArb, fc.nat(30), fc.nat(30), (ids, seed, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(drawSample(ids, large, seed).slice(0, small)).toEqual(drawSample(ids, small, seed));
      }),
    );
  });

  it('depends on the seed', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `h${i}`);
    const a = drawSample(ids, 20, '0'.repeat(32));
    const b = drawSample(ids, 20, '1'.repeat(32));
    expect(a).not.toEqual(b);
  });

  it('rounds a rate up to whole households, at least one', () => {
    expect(sizeForRate(1000, 1000)).toBe(100);
    expect(sizeForRate(1001, 1000)).toBe(101);
    expect(sizeForRate(3, 1)).toBe(1);
    expect(sizeForRate(7, 10_000)).toBe(7);
  });
});

describe('acceptance decision', () => {
  it('accepts exactly at the limits and rejects just above', () => {
    expect(checkRate('identity', { errors: 1, checked: 200 }).withinLimit).toBe(true);
    expect(checkRate('identity', { errors: 1, checked: 199 }).withinLimit).toBe(false);
    expect(checkRate('other', { errors: 2, checked: 100 }).withinLimit).toBe(true);
    expect(checkRate('other', { errors: 3, checked: 149 }).withinLimit).toBe(false);
    // 0.1 + 0.2 style traps: 3/600 is exactly 0.5 %
    expect(checkRate('identity', { errors: 3, checked: 600 })).toMatchObject({
      withinLimit: true,
      ratePercent: '0.5',
      excessPercent: '0',
    });
  });

  it('names each exceeded rate and by how much', () => {
    const d = decide({ errors: 3, checked: 400 }, { errors: 1, checked: 100 });
    expect(d.accepted).toBe(false);
    expect(d.identity).toMatchObject({ ratePercent: '0.75', excessPercent: '0.25' });
    expect(d.reasons).toEqual([
      'identity-field error rate (thông tin định danh) 3/400 = 0.75 % exceeds 0.5 % by 0.25 percentage points',
    ]);
    expect(decide({ errors: 0, checked: 10 }, { errors: 0, checked: 10 })).toMatchObject({
      accepted: true,
      reasons: [],
    });
  });

  it('decides as the exact fraction comparison does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(100_000), (checked, raw) => {
        const errors = raw % (checked + 1);
        const identity = checkRate('identity', { errors, checked });
        const other = checkRate('other', { errors, checked });
        expect(identity.withinLimit).toBe(BigInt(errors) * 200n <= BigInt(checked));
        expect(other.withinLimit).toBe(BigInt(errors) * 50n <= BigInt(checked));
        expect(identity.excessPercent === '0').toBe(identity.withinLimit);
      }),
    );
  });

  it('formats percentages exactly', () => {
    expect(percentOf(1n, 3n)).toBe('33.3333');
    expect(percentOf(2n, 3n)).toBe('66.6667');
    expect(percentOf(1n, 3n, 'up')).toBe('33.3334');
    expect(percentOf(1n, 200n)).toBe('0.5');
    expect(percentOf(0n, 7n)).toBe('0');
  });

  it('refuses a rate with nothing checked', () => {
    expect(() => checkRate('other', { errors: 0, checked: 0 })).toThrow(/at least one/);
  });

  it('classifies fields from the one catalogue', () => {
    expect(kindOfField('citizen_id')).toBe('identity');
    expect(kindOfField('address')).toBe('identity');
    expect(kindOfField('ethnic_group')).toBe('other');
  });
});
