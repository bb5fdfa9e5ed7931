/**
 * What a search asks for (tra cứu): exactly one of a name, a citizen ID, a household code or
 * the start of one, checked and normalised. Name queries use the member.name_search rule
 * (nameSearchKey of @posa/platform): lower case, no diacritics, đ → d; every typed word must be the start of
 * a word of the name.
 */
import { InvalidArgumentError } from '@posa/platform';
import { nameSearchKey } from '@posa/platform';

export type SearchCriterion =
  | { kind: 'name'; words: string[] }
  | { kind: 'citizen_id'; citizenId: string }
  | { kind: 'household_code'; code: string }
  | { kind: 'household_code_prefix'; prefix: string };

export interface RawSearchQuery {
  name: string;
  citizenId: string;
  householdCode: string;
  householdCodePrefix: string;
}

export const MIN_NAME_LETTERS = 2;
export const MAX_NAME_WORDS = 8;
const MAX_NAME_LENGTH = 200;
const HOUSEHOLD_CODE = /^[0-9]{5}-[0-9]{4}-[0-9]{6}$/;
/** A commune code, then optionally more of `-<year>-<sequence>`. */
const HOUSEHOLD_CODE_PREFIX = /^[0-9]{5}(-([0-9]{1,4}(-[0-9]{0,6})?)?)?$/;
const NOT_IN_NAMES = /[0-9<>@#$%^*_=+{}[\]|\\]/;

function nameWords(raw: string): string[] {
  if (raw.length > MAX_NAME_LENGTH) {
    throw new InvalidArgumentError('query.name', `is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (NOT_IN_NAMES.test(raw)) {
    throw new InvalidArgumentError('query.name', 'contains characters a name cannot hold');
  }
  const words = [
    ...new Set(
      nameSearchKey(raw)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ];
  const letters = words.reduce((sum, w) => sum + w.length, 0);
  if (letters < MIN_NAME_LETTERS) {
    throw new InvalidArgumentError('query.name', `needs at least ${MIN_NAME_LETTERS} letters`);
  }
  if (words.length > MAX_NAME_WORDS) {
    throw new InvalidArgumentError('query.name', `has more than ${MAX_NAME_WORDS} words`);
  }
  return words;
}

/** The one criterion of the query; INVALID_ARGUMENT naming the field otherwise. */
export function parseSearchQuery(raw: RawSearchQuery | undefined): SearchCriterion {
  const name = raw?.name.trim() ?? '';
  const citizenId = raw?.citizenId.trim() ?? '';
  const code = raw?.householdCode.trim() ?? '';
  const prefix = raw?.householdCodePrefix.trim() ?? '';
  const given = [name, citizenId, code, prefix].filter((v) => v !== '').length;
  if (given !== 1) {
    throw new InvalidArgumentError(
      'query',
      given === 0
        ? 'is empty: give a name, citizen_id, household_code or household_code_prefix'
        : 'gives more than one of name, citizen_id, household_code, household_code_prefix',
    );
  }
  if (name !== '') return { kind: 'name', words: nameWords(name) };
  if (citizenId !== '') {
    if (!/^[0-9]{12}$/.test(citizenId)) {
      throw new InvalidArgumentError('query.citizen_id', 'must be exactly 12 digits');
    }
    return { kind: 'citizen_id', citizenId };
  }
  if (code !== '') {
    if (!HOUSEHOLD_CODE.test(code)) {
      throw new InvalidArgumentError(
        'query.household_code',
        'must look like <5-digit commune>-<year>-<6-digit sequence>',
      );
    }
    return { kind: 'household_code', code };
  }
  if (!HOUSEHOLD_CODE_PREFIX.test(prefix)) {
    throw new InvalidArgumentError(
      'query.household_code_prefix',
      'must start with a 5-digit commune code and continue a household code',
    );
  }
  return { kind: 'household_code_prefix', prefix };
}

/** "012345678901" → "********8901": enough to tell two people apart, not to use the ID. */
export function maskCitizenId(id: string | null): string {
  if (id === null || id === '') return '';
  return `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

/** A stable text form of the criterion, to tie a page token to its query. */
export function criterionKey(criterion: SearchCriterion): string {
  switch (criterion.kind) {
    case 'name':
      return `name:${criterion.words.join(' ')}`;
    case 'citizen_id':
      return `citizen_id:${criterion.citizenId}`;
    case 'household_code':
      return `household_code:${criterion.code}`;
    case 'household_code_prefix':
      return `household_code_prefix:${criterion.prefix}`;
  }
}
