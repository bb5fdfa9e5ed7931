import fc from 'fast-check';
import type { Classification } from '../../domain/classify';
import { changeKindOf, changeList } from './review-changes';

const ALL: Classification[] = ['poor', 'near_poor', 'average_living', 'not_poor'];

describe('change list against the previous recognised classification', () => {
  it.each([
    [null, 'poor', 'newly_poor'],
    ['not_poor', 'poor', 'newly_poor'],
    ['average_living', 'poor', 'newly_poor'],
    ['near_poor', 'poor', 'near_poor_to_poor'],
    ['poor', 'near_poor', 'poor_to_near_poor'],
    ['poor', 'not_poor', 'out_of_poverty'],
    ['poor', 'average_living', 'out_of_poverty'],
    ['near_poor', 'average_living', 'out_of_poverty'],
    [null, 'near_poor', 'new_near_poor'],
    ['average_living', 'near_poor', 'new_near_poor'],
    ['poor', 'poor', 'unchanged'],
    ['near_poor', 'near_poor', 'unchanged'],
    [null, 'not_poor', 'unchanged'],
    ['not_poor', 'average_living', 'unchanged'],
  ] as const)('%s → %s is %s', (previous, current, kind) => {
    expect(changeKindOf(previous, current)).toBe(kind);
  });

  it('is unchanged exactly when the poverty tier stays the same', () => {
    const tier = (c: Classification | null) => (c === 'poor' || c === 'near_poor' ? c : 'non_poor');
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...ALL), { nil: null }),
        fc.constantFrom(...ALL),
        (previous, current) => {
          const kind = changeKindOf(previous, current);
          expect(kind === 'unchanged').toBe(tier(previous) === tier(current));
          if (kind === 'out_of_poverty') expect(tier(current)).toBe('non_poor');
        },
      ),
    );
  });

  it('keeps one entry per household in order', () => {
    const list = changeList([
      { householdId: 'a', previous: 'poor', current: 'near_poor' },
      { householdId: 'b', previous: null, current: 'poor' },
    ]);
    expect(list.map((c) => [c.householdId, c.kind])).toEqual([
      ['a', 'poor_to_near_poor'],
      ['b', 'newly_poor'],
    ]);
  });
});
