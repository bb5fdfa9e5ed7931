/**
 * Successors of a 2024 unit in the 2025 structure. Communes follow the official
 * conversion table row by row. A district has none of its own (districts were
 * abolished): its successors are those of its communes, whole only when all of it went
 * into one commune. A province follows the province table: whole, or unchanged when it
 * kept its code and nothing was merged into it.
 */
import type { Relation } from './merger-rows';

export interface MergerLink {
  oldCode: string;
  newCode: string;
  relation: Relation;
  note: string;
}

export interface Successor {
  newCode: string;
  relation: Relation;
  note: string;
}

export function communeSuccessors(links: readonly MergerLink[]): Successor[] {
  return [...links]
    .sort((a, b) => a.newCode.localeCompare(b.newCode))
    .map((l) => ({ newCode: l.newCode, relation: l.relation, note: l.note }));
}

/** `links`: the table rows of the district's communes (and of the district itself, for island districts). */
export function districtSuccessors(links: readonly MergerLink[]): Successor[] {
  const byNew = new Map<string, MergerLink[]>();
  for (const link of links) {
    const group = byNew.get(link.newCode);
    if (group) group.push(link);
    else byNew.set(link.newCode, [link]);
  }
  const whole = byNew.size === 1 && links.every((l) => l.relation !== 'partial');
  return [...byNew.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([newCode, group]) => {
      const sources = group
        .map((l) => `${l.oldCode}${l.relation === 'partial' ? ' (part)' : ''}`)
        .sort()
        .join(', ');
      return {
        newCode,
        relation: whole ? 'full' : 'partial',
        note: `from units of the district: ${sources}`,
      };
    });
}

/** `coMerged`: every old province mapped to the same new province, this one included. */
export function provinceSuccessor(
  oldCode: string,
  newCode: string,
  coMerged: readonly string[],
): Successor {
  if (coMerged.length === 1 && oldCode === newCode) {
    return { newCode, relation: 'unchanged', note: 'province kept' };
  }
  return {
    newCode,
    relation: 'full',
    note: `merged whole into province ${newCode} with old provinces ${[...coMerged].sort().join(', ')}`,
  };
}
