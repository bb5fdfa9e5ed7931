/**
 * Reads account input from a console form (urlencoded) or an API body (JSON). The edge checks
 * only presence, types and lengths; identity decides everything else (username format, grant
 * rules, jurisdiction) and its refusals name the same fields. Field names are identity's
 * (snake_case), so a refusal is shown next to the same input whoever raised it.
 */
import { isRole } from '@posa/auth';
import { DOMAIN_OF_NAME, isDomainName, type DomainName } from '../api/account-json';

export type FieldErrors = Record<string, string>;

export interface AccountDraft {
  username: string;
  displayName: string;
  unitCode: string;
  roles: string[];
  /** '' when none is chosen. */
  nationalDomain: DomainName | '';
  /** '' lets identity generate one. */
  initialPassword: string;
}

export interface Parsed<T> {
  value: T;
  errors: FieldErrors;
}

type Body = Record<string, unknown> | undefined;

/** A text field: strings only, '' when absent. */
export function textOf(body: Body, ...names: string[]): string {
  for (const name of names) {
    const v = body?.[name];
    if (typeof v === 'string') return v;
  }
  return '';
}

/** A multi-value field: one string, or an array of strings (checkboxes, JSON arrays). */
export function listOf(body: Body, ...names: string[]): string[] | undefined {
  for (const name of names) {
    const v = body?.[name];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    if (v !== undefined) return undefined;
  }
  return [];
}

function checkLength(errors: FieldErrors, field: string, value: string, max: number): void {
  if (value.trim() === '') errors[field] ??= 'is required';
  else if (value.length > max) errors[field] ??= `must be at most ${max} characters`;
}

function parseRoles(errors: FieldErrors, raw: string[] | undefined): string[] {
  if (raw === undefined) {
    errors['roles'] = 'must be a list of role names';
    return [];
  }
  const roles = [...new Set(raw.map((r) => r.trim()).filter((r) => r !== ''))];
  if (roles.length === 0) errors['roles'] = 'choose at least one role';
  const unknown = roles.find((r) => !isRole(r));
  if (unknown !== undefined) errors['roles'] = `unknown role ${JSON.stringify(unknown)}`;
  return roles.sort();
}

function parseDomain(errors: FieldErrors, raw: string): DomainName | '' {
  if (raw === '') return '';
  if (isDomainName(raw)) return raw;
  errors['national_domain'] = 'must be social_assistance or poverty_reduction';
  return '';
}

/** The create-account input; form fields are snake_case, JSON fields camelCase. */
export function parseAccountDraft(body: Body): Parsed<AccountDraft> {
  const errors: FieldErrors = {};
  const value: AccountDraft = {
    username: textOf(body, 'username').trim().toLowerCase(),
    displayName: textOf(body, 'display_name', 'displayName').trim(),
    unitCode: textOf(body, 'unit_code', 'unitCode').trim(),
    roles: [],
    nationalDomain: '',
    initialPassword: textOf(body, 'initial_password', 'initialPassword'),
  };
  checkLength(errors, 'username', value.username, 64);
  checkLength(errors, 'display_name', value.displayName, 200);
  if (!/^(VN|[0-9]{2,5})$/.test(value.unitCode))
    errors['unit_code'] = 'choose a unit (VN or a code of 2 to 5 digits)';
  value.roles = parseRoles(errors, listOf(body, 'roles'));
  value.nationalDomain = parseDomain(errors, textOf(body, 'national_domain', 'nationalDomain'));
  if (value.initialPassword.length > 128)
    errors['initial_password'] = 'must be at most 128 characters';
  return { value, errors };
}

export interface RolesDraft {
  roles: string[];
  nationalDomain: DomainName | '';
}

export function parseRolesDraft(body: Body): Parsed<RolesDraft> {
  const errors: FieldErrors = {};
  const roles = parseRoles(errors, listOf(body, 'roles'));
  const nationalDomain = parseDomain(errors, textOf(body, 'national_domain', 'nationalDomain'));
  return { value: { roles, nationalDomain }, errors };
}

export function parseLockReason(body: Body): Parsed<string> {
  const errors: FieldErrors = {};
  const reason = textOf(body, 'reason').trim();
  checkLength(errors, 'reason', reason, 500);
  return { value: reason, errors };
}

/** The proto value of a domain choice ('' is unspecified). */
export function domainValue(domain: DomainName | ''): number {
  return domain === '' ? 0 : DOMAIN_OF_NAME[domain];
}

/** The first error, for the API (one field per answer, as identity does). */
export function firstError(errors: FieldErrors): { field: string; reason: string } | undefined {
  const [field, reason] = Object.entries(errors)[0] ?? [];
  return field === undefined || reason === undefined ? undefined : { field, reason };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
