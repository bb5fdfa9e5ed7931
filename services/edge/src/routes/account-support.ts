/** What the account pages share: the unit choices of a caller, and refusals as form state. */
import type { Request } from 'express';
import { status } from '@grpc/grpc-js';
import { NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { AdministrativeStructure } from '@posa/proto';
import { principalOfRequest } from '../http/auth';
import { unauthenticated } from '../http/errors';
import type { FieldErrors } from '../forms/account-input';
import { offeredRoles } from '../forms/role-offer';
import type { AccountGateway } from '../gateways/account-gateway';
import type { Caller, UnitGateway } from '../gateways/unit-gateway';
import type { PageContext } from '../views/layout';
import { errorHeadline } from '../views/error-page';
import type { FormState, UnitOption } from '../views/account-parts';
import { describeError } from './page-context';

const CURRENT = { structure: AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025 };
const MAX_PAGES = 4;

export function principalOrFail(req: Request): Principal {
  const principal = principalOfRequest(req);
  if (principal === undefined) throw unauthenticated('the account is not bound to a unit');
  return principal;
}

/** Every unit of the current structure below `code`, depth first (a few pages at most). */
async function subtree(units: UnitGateway, caller: Caller, code: string): Promise<UnitOption[]> {
  const out: UnitOption[] = [];
  let pageToken = '';
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await units.listSubtree(caller, {
      code,
      ...CURRENT,
      page: { pageSize: 500, pageToken },
    });
    out.push(...res.units.map((u) => ({ code: u.code, label: `${u.code} — ${u.name}` })));
    pageToken = res.page?.nextPageToken ?? '';
    if (pageToken === '') break;
  }
  return out;
}

async function own(units: UnitGateway, caller: Caller, code: string): Promise<UnitOption> {
  if (code.length === 3) return { code, label: code }; // a district: not in the current structure
  const unit = (await units.getUnit(caller, { code, ...CURRENT })).unit;
  return { code, label: unit ? `${code} — ${unit.name}` : code };
}

export async function provinceOptions(
  units: UnitGateway,
  caller: Caller,
  nationalLabel: string,
): Promise<{ national: UnitOption; provinces: UnitOption[] }> {
  const res = await units.listChildren(caller, {
    parentCode: '',
    ...CURRENT,
    page: { pageSize: 100, pageToken: '' },
  });
  return {
    national: { code: NATIONAL_UNIT_CODE, label: `${NATIONAL_UNIT_CODE} — ${nationalLabel}` },
    provinces: res.units.map((u) => ({ code: u.code, label: `${u.code} — ${u.name}` })),
  };
}

/**
 * The units a caller may pick: its own unit and those below it. For the national level the
 * provinces, and the communes of `within` when a province is chosen.
 */
export async function unitChoices(
  units: UnitGateway,
  caller: Caller,
  unitCode: string,
  nationalLabel: string,
  within?: string,
): Promise<UnitOption[]> {
  if (unitCode === NATIONAL_UNIT_CODE) {
    const { national, provinces } = await provinceOptions(units, caller, nationalLabel);
    const chosen = provinces.find((p) => p.code === within);
    if (chosen === undefined) return [national, ...provinces];
    return [chosen, ...(await subtree(units, caller, chosen.code))];
  }
  const self = await own(units, caller, unitCode);
  if (unitCode.length !== 2) return [self];
  return [self, ...(await subtree(units, caller, unitCode))];
}

/** The name of an account's unit, or undefined (national level, or not in the catalogue). */
export async function unitNameOf(
  units: UnitGateway,
  caller: Caller,
  account: { unitCode: string; unitStructure: string | null },
): Promise<string | undefined> {
  if (account.unitCode === NATIONAL_UNIT_CODE) return undefined;
  const structure =
    account.unitStructure === '2024'
      ? AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2024
      : AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025;
  try {
    return (await units.getUnit(caller, { code: account.unitCode, structure })).unit?.name;
  } catch {
    return undefined; // the code is shown alone
  }
}

/**
 * The roles the forms offer: what identity says the caller may grant at each of the units.
 * A unit the caller may not administer (PERMISSION_DENIED) offers nothing; other failures
 * go to the error page.
 */
export async function offeredRolesAt(
  accounts: AccountGateway,
  caller: Caller,
  unitCodes: readonly string[],
): Promise<string[]> {
  const answers = await Promise.all(
    [...new Set(unitCodes)].map(async (unitCode) => {
      try {
        return await accounts.listGrantableRoles(caller, unitCode);
      } catch (err) {
        if ((err as { code?: unknown }).code === status.PERMISSION_DENIED) {
          return { roles: [], domainRoles: [] };
        }
        throw err;
      }
    }),
  );
  return offeredRoles(...answers);
}

/** Edge-side input errors as form state, in the user's language. */
export function formFromFieldErrors(ctx: PageContext, errors: FieldErrors): FormState {
  const form: FormState = { fieldErrors: {} };
  for (const [field, reason] of Object.entries(errors)) {
    form.fieldErrors[field] = {
      headline: errorHeadline(ctx, {
        status: 400,
        code: 'INVALID_ARGUMENT',
        field,
        message: reason,
      }),
      detail: reason,
    };
  }
  return form;
}

/**
 * A refusal of identity as form state: next to the field when INVALID_ARGUMENT names one of
 * `fields`, else above the form. Returns undefined for failures that are not refusals
 * (unauthenticated, unavailable, internal): those go to the error page.
 */
export function formFromRefusal(
  ctx: PageContext,
  err: unknown,
  fields: readonly string[],
): { status: number; form: FormState } | undefined {
  const e = describeError(ctx, err);
  if (e.code === 'UNAUTHENTICATED' || e.code === 'INTERNAL' || e.status >= 500) return undefined;
  const described = { headline: e.headline, ...(e.detail ? { detail: e.detail } : {}) };
  const form: FormState = { fieldErrors: {} };
  if (e.field !== undefined && fields.includes(e.field)) form.fieldErrors[e.field] = described;
  else form.formError = described;
  return { status: e.status, form };
}
