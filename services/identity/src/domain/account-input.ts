/** Validation of account input: each failure names the field (INVALID_ARGUMENT). */
import { randomInt } from 'node:crypto';
import { isRole, type Role } from '@posa/auth';
import { InvalidArgumentError } from '@posa/platform';
import type { NationalDomainCode } from './access-model';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const UNIT_CODE = /^(VN|[0-9]{2,5})$/;

export function validateUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new InvalidArgumentError(
      'username',
      "must be 3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
    );
  }
  return username;
}

export interface PersonName {
  displayName: string;
  /** Họ: the first word of a Vietnamese full name. */
  lastName: string;
  /** Tên đệm và tên: the rest (the whole name when it is one word). */
  firstName: string;
}

export function validateDisplayName(value: string): PersonName {
  const displayName = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (displayName.length === 0) throw new InvalidArgumentError('display_name', 'must not be empty');
  if (displayName.length > 200) {
    throw new InvalidArgumentError('display_name', 'must be at most 200 characters');
  }
  if (/[<>&"\\/$%!#?§;*~=|{}[\]^0-9]/.test(displayName)) {
    throw new InvalidArgumentError(
      'display_name',
      'may hold letters, spaces, dots, hyphens and apostrophes only',
    );
  }
  const [first, ...rest] = displayName.split(' ');
  return {
    displayName,
    lastName: first!,
    firstName: rest.length > 0 ? rest.join(' ') : first!,
  };
}

/** "VN" or a 2-, 3- or 5-digit unit code. */
export function isUnitCode(value: string): boolean {
  return UNIT_CODE.test(value);
}

export function validateUnitCode(value: string): string {
  const code = value.trim();
  if (!UNIT_CODE.test(code)) {
    throw new InvalidArgumentError(
      'unit_code',
      'must be "VN" or the 2-, 3- or 5-digit code of a unit',
    );
  }
  return code;
}

/** At least one known role, no duplicates; returned sorted. */
export function validateRoles(values: readonly string[]): Role[] {
  if (values.length === 0) throw new InvalidArgumentError('roles', 'must name at least one role');
  const roles = new Set<Role>();
  for (const value of values) {
    if (!isRole(value))
      throw new InvalidArgumentError('roles', `unknown role ${JSON.stringify(value)}`);
    if (roles.has(value)) throw new InvalidArgumentError('roles', `role ${value} is listed twice`);
    roles.add(value);
  }
  return [...roles].sort();
}

/**
 * National accounts bind their roles to a domain (two ministries own POSA's halves), except
 * a system administrator alone; accounts of local units carry none.
 */
export function validateDomain(
  unitCode: string,
  roles: readonly Role[],
  domain: NationalDomainCode | null,
): NationalDomainCode | null {
  if (unitCode !== 'VN') {
    if (domain !== null) {
      throw new InvalidArgumentError(
        'national_domain',
        'is only for accounts of the national level',
      );
    }
    return null;
  }
  const onlySystemAdmin = roles.every((r) => r === 'system_admin');
  if (domain === null && !onlySystemAdmin) {
    throw new InvalidArgumentError(
      'national_domain',
      'is required for national roles: social_assistance or poverty_reduction',
    );
  }
  return domain;
}

export function validateLockReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0) throw new InvalidArgumentError('reason', 'must not be empty');
  if (reason.length > 500)
    throw new InvalidArgumentError('reason', 'must be at most 500 characters');
  return reason;
}

export function validateAccountId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
    throw new InvalidArgumentError('account_id', 'must be an account id (UUID)');
  }
  return value;
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

/**
 * A temporary password meeting the realm policy (length 10+, a digit, an upper- and a
 * lower-case letter): 16 characters from a CSPRNG, without look-alike characters.
 */
export function generateTemporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < 16) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** A caller-chosen initial password: the realm policy checked here, so errors name the field. */
export function validateInitialPassword(value: string, username: string): string {
  const ok =
    value.length >= 10 &&
    value.length <= 128 &&
    /[0-9]/.test(value) &&
    /[A-Z]/.test(value) &&
    /[a-z]/.test(value) &&
    !value.toLowerCase().includes(username);
  if (!ok) {
    throw new InvalidArgumentError(
      'initial_password',
      'needs 10-128 characters with a digit, an upper- and a lower-case letter, and not the username',
    );
  }
  return value;
}
