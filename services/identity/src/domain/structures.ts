/**
 * The administrative structures of the catalogue and the dates they are in force. A code
 * means something only together with its structure: the 2025 reform reused old codes.
 */
export type StructureId = '2024' | '2025';
export type UnitLevelName = 'province' | 'district' | 'commune';

export interface StructureSpec {
  id: StructureId;
  /** First day in force (ISO date). */
  validFrom: string;
  /** Last day in force (ISO date); null while open. */
  validTo: string | null;
  /** Levels from the top; each level's parent is the level before it. */
  levels: readonly UnitLevelName[];
}

/** Ordered by validFrom. Dates before the first structure are not covered by the catalogue. */
export const STRUCTURES: readonly StructureSpec[] = [
  {
    id: '2024',
    validFrom: '2025-03-01',
    validTo: '2025-06-30',
    levels: ['province', 'district', 'commune'],
  },
  { id: '2025', validFrom: '2025-07-01', validTo: null, levels: ['province', 'commune'] },
];

export function structureSpec(id: StructureId): StructureSpec {
  const spec = STRUCTURES.find((s) => s.id === id);
  if (spec === undefined) throw new Error(`unknown structure ${id}`);
  return spec;
}

/** The structure in force on an ISO date, or undefined when none is. */
export function structureInForce(isoDate: string): StructureSpec | undefined {
  return STRUCTURES.find(
    (s) => s.validFrom <= isoDate && (s.validTo === null || isoDate <= s.validTo),
  );
}

/** Digits of a unit code by level. */
export const CODE_LENGTH: Readonly<Record<UnitLevelName, number>> = {
  province: 2,
  district: 3,
  commune: 5,
};

/** The level a code of the given structure has, from its length; undefined if none. */
export function levelOfCode(structure: StructureId, code: string): UnitLevelName | undefined {
  if (!/^[0-9]+$/.test(code)) return undefined;
  return structureSpec(structure).levels.find((level) => CODE_LENGTH[level] === code.length);
}
