/**
 * Which structure a query reads: the one named explicitly, else the one in force on
 * `as_of`, else the one in force today in Vietnam.
 */
import { InvalidArgumentError, isoFromParts, type DateParts } from '@posa/platform';
import { STRUCTURES, structureInForce, type StructureId } from './structures';

export interface VersionInput {
  asOf?: DateParts | undefined;
  structure?: StructureId | undefined;
}

export function chooseStructure(input: VersionInput, today: string): StructureId {
  if (input.structure !== undefined) return input.structure;
  let date = today;
  if (input.asOf !== undefined) {
    const iso = isoFromParts(input.asOf);
    if (iso === null)
      throw new InvalidArgumentError('as_of', 'must be a full calendar date (year, month, day)');
    date = iso;
  }
  const spec = structureInForce(date);
  if (spec === undefined) {
    throw new InvalidArgumentError(
      'as_of',
      `no administrative structure of the catalogue is in force on ${date}; it starts on ${STRUCTURES[0]!.validFrom}`,
    );
  }
  return spec.id;
}
