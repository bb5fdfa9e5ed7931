import fc from 'fast-check';
import { UnitTree, type UnitLink } from './unit-tree';
import { isInJurisdiction, assertInJurisdiction, JurisdictionError } from './jurisdiction';
import type { Principal } from './principal';

/** A small real-shaped tree: two provinces, districts (before the reform) and communes. */
const links: UnitLink[] = [
  { code: '01', parentCode: 'VN' },
  { code: '001', parentCode: '01' },
  { code: '00001', parentCode: '001' },
  { code: '00004', parentCode: '001' },
  { code: '002', parentCode: '01' },
  { code: '00037', parentCode: '002' },
  { code: '79', parentCode: 'VN' },
  { code: '760', parentCode: '79' },
  { code: '26734', parentCode: '760' },
];

function officer(unitCode: string): Principal {
  return { userId: 'u-1', unitCode, roles: new Set(['officer']), isService: false };
}

describe('UnitTree', () => {
  const tree = new UnitTree(links);

  it('places a commune inside its district, province and the country', () => {
    expect(tree.isWithin('00004', '001')).toBe(true);
    expect(tree.isWithin('00004', '01')).toBe(true);
    expect(tree.isWithin('00004', 'VN')).toBe(true);
    expect(tree.isWithin('00004', '00004')).toBe(true);
  });

  it('keeps siblings, cousins and parents outside', () => {
    expect(tree.isWithin('00004', '00001')).toBe(false);
    expect(tree.isWithin('00037', '001')).toBe(false);
    expect(tree.isWithin('26734', '01')).toBe(false);
    expect(tree.isWithin('01', '001')).toBe(false);
  });

  it('treats unknown units as outside everything', () => {
    expect(tree.isWithin('99999', 'VN')).toBe(false);
    expect(tree.isWithin('00001', '99')).toBe(false);
  });

  it('lists ancestors up to the national root', () => {
    expect(tree.ancestorsOf('00037')).toEqual(['00037', '002', '01', 'VN']);
    expect(tree.ancestorsOf('nope')).toEqual([]);
  });

  it('rejects broken hierarchies with the unit named', () => {
    expect(
      () =>
        new UnitTree([
          { code: '01', parentCode: 'VN' },
          { code: '01', parentCode: 'VN' },
        ]),
    ).toThrow('unit 01: listed twice');
    expect(() => new UnitTree([{ code: '001', parentCode: '02' }])).toThrow(
      'unit 001: its parent 02',
    );
    expect(
      () =>
        new UnitTree([
          { code: '01', parentCode: '02' },
          { code: '02', parentCode: '01' },
        ]),
    ).toThrow('not in the tree');
  });
});

describe('jurisdiction', () => {
  const tree = new UnitTree(links);

  it('lets a district officer reach its communes but not another district', () => {
    expect(isInJurisdiction(officer('001'), '00001', tree)).toBe(true);
    expect(isInJurisdiction(officer('001'), '00037', tree)).toBe(false);
    expect(() => assertInJurisdiction(officer('00001'), '00004', tree)).toThrow(JurisdictionError);
  });

  it('lets a service account reach every known unit', () => {
    const service: Principal = { userId: 's', unitCode: 'VN', roles: new Set(), isService: true };
    expect(isInJurisdiction(service, '26734', tree)).toBe(true);
    expect(isInJurisdiction(service, '12345', tree)).toBe(false);
  });
});

/** Random trees: node i (1..n) hangs under a random earlier node, or under the root. */
const randomTree = fc.integer({ min: 1, max: 120 }).chain((n) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((picks) =>
    picks.map((pick, i) => ({
      code: String(10 + i),
      parentCode: i === 0 ? 'VN' : pick % (i + 1) === 0 ? 'VN' : String(10 + (pick % i)),
    })),
  ),
);

/** The obvious definition the interval index must agree with: walk up the parents. */
function naiveWithin(parents: Map<string, string>, unit: string, ancestor: string): boolean {
  let current: string | undefined = unit;
  while (current !== undefined) {
    if (current === ancestor) return true;
    current = parents.get(current);
  }
  return false;
}

describe('jurisdiction properties', () => {
  it('agrees with walking up the parents for every pair of units', () => {
    fc.assert(
      fc.property(randomTree, (tree) => {
        const index = new UnitTree(tree);
        const parents = new Map(tree.map((l) => [l.code, l.parentCode]));
        const codes = ['VN', ...tree.map((l) => l.code)];
        for (const a of codes) {
          for (const u of codes) {
            if (index.isWithin(u, a) !== naiveWithin(parents, u, a)) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a principal reach a unit outside its subtree', () => {
    fc.assert(
      fc.property(randomTree, fc.nat(), fc.nat(), (tree, p, u) => {
        const index = new UnitTree(tree);
        const parents = new Map(tree.map((l) => [l.code, l.parentCode]));
        const principalUnit = tree[p % tree.length]!.code;
        const target = tree[u % tree.length]!.code;
        const reached = isInJurisdiction(officer(principalUnit), target, index);
        const inSubtree = naiveWithin(parents, target, principalUnit);
        return reached === inSubtree;
      }),
      { numRuns: 500 },
    );
  });
});
