/**
 * Villages (thôn, tổ dân phố): the rules for a new village's name and the code POSA
 * issues for it. A village code is its commune's 5-digit 2025 code followed by a 3-digit
 * number, counted up from 001 within the commune and never reused: 8 digits in all, so it
 * fits the unit-code rule of @posa/auth (digits only) and sorts under its commune.
 */
import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';

export type VillageKindName = 'rural' | 'urban';
export const MAX_VILLAGE_NUMBER = 999;
export const MAX_VILLAGE_NAME_LENGTH = 100;

export interface VillageInput {
  communeCode: string;
  name: string;
  kind: VillageKindName | undefined;
}

/** Letters (any script), combining marks, digits, spaces and - . , ' / ( ). */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{Nd} .,'/()-]+$/u;

export interface ValidVillageInput {
  communeCode: string;
  name: string;
  kind: VillageKindName;
}

/** The checked input with the name in NFC and its spaces collapsed; throws InvalidArgumentError. */
export function validateVillageInput(input: VillageInput): ValidVillageInput {
  if (!/^[0-9]{5}$/.test(input.communeCode)) {
    throw new InvalidArgumentError(
      'commune_code',
      'must be the 5-digit code of a commune of the 2025 structure',
    );
  }
  const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name.length === 0) throw new InvalidArgumentError('name', 'must not be empty');
  if (name.length > MAX_VILLAGE_NAME_LENGTH) {
    throw new InvalidArgumentError('name', `must be at most ${MAX_VILLAGE_NAME_LENGTH} characters`);
  }
  if (!NAME_CHARACTERS.test(name) || !/\p{L}/u.test(name)) {
    throw new InvalidArgumentError(
      'name',
      "must contain letters and only letters, digits, spaces and - . , ' / ( )",
    );
  }
  // Reasons travel in ASCII-only gRPC metadata (posa-reason): no Vietnamese letters in them.
  if (input.kind === undefined)
    throw new InvalidArgumentError('kind', 'must be VILLAGE_KIND_RURAL or VILLAGE_KIND_URBAN');
  return { communeCode: input.communeCode, name, kind: input.kind };
}

/** Key that makes two names the same village: case and spacing ignored, diacritics kept. */
export function villageNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** The next code of a commune whose highest number so far is `highest` (0 when none). */
export function issueVillageCode(
  communeCode: string,
  highest: number,
): { code: string; number: number } {
  const number = highest + 1;
  if (number > MAX_VILLAGE_NUMBER) {
    throw new FailedPreconditionError(
      `commune ${communeCode} has used all ${MAX_VILLAGE_NUMBER} village numbers`,
    );
  }
  return { code: `${communeCode}${String(number).padStart(3, '0')}`, number };
}
