/**
 * Account pages (unit and system administrators):
 *   GET  /accounts           list in the caller's jurisdiction: unit, role, status filters, keyset paging
 *   GET  /accounts/new       create form (?within=<province> narrows a national caller's units)
 *   POST /accounts/new       CreateAccount (CSRF); success: the account's page with the temporary password once
 *   GET  /accounts/:id       one account with its action forms (account-actions.ts)
 */
import { Router, type Request } from 'express';
import { isRole } from '@posa/auth';
import { accountJson, isStatusName, requiredAccount, STATUS_OF_NAME } from '../api/account-json';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { ACCOUNT_PAGE_ROLES, requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import {
  domainValue,
  isAccountId,
  parseAccountDraft,
  type AccountDraft,
} from '../forms/account-input';
import type { AccountGateway } from '../gateways/account-gateway';
import type { UnitGateway } from '../gateways/unit-gateway';
import { accountNewPage } from '../views/account-new-page';
import { accountPage } from '../views/account-page';
import { emptyForm, type FormState } from '../views/account-parts';
import { accountsPage, type AccountFilter } from '../views/accounts-page';
import {
  formFromFieldErrors,
  formFromRefusal,
  offeredRolesAt,
  principalOrFail,
  provinceOptions,
  unitChoices,
  unitNameOf,
} from './account-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface AccountRouteDeps {
  units: UnitGateway;
  accounts: AccountGateway;
  csrf: Csrf;
}

const CREATE_FIELDS = [
  'username',
  'display_name',
  'unit_code',
  'roles',
  'national_domain',
  'initial_password',
];

function queryText(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 2000) : undefined;
}

function accountFilter(req: Request): AccountFilter {
  const unit = queryText(req, 'unit');
  const role = queryText(req, 'role');
  const status = queryText(req, 'status');
  if (unit !== undefined && !/^(VN|[0-9]{2,5})$/.test(unit))
    throw badRequest('unit_code', 'not a unit code');
  if (role !== undefined && !isRole(role)) throw badRequest('role', 'unknown role');
  if (status !== undefined && !isStatusName(status)) throw badRequest('status', 'unknown status');
  return { unit, role, status, page: queryText(req, 'page') };
}

export function accountRoutes(deps: AccountRouteDeps): Router {
  const router = Router();
  router.use('/accounts', requireSignIn, requireRole(...ACCOUNT_PAGE_ROLES));

  router.get('/accounts', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const caller = callerOf(req);
    const principal = principalOrFail(req);
    const filter = accountFilter(req);
    const units = await unitChoices(deps.units, caller, principal.unitCode, ctx.t('tier.national'));
    try {
      const found = await deps.accounts.listAccounts(caller, {
        unitCode: filter.unit ?? '',
        role: filter.role ?? '',
        status: filter.status && isStatusName(filter.status) ? STATUS_OF_NAME[filter.status] : 0,
        page: { pageSize: 50, pageToken: filter.page ?? '' },
      });
      sendPage(
        res,
        200,
        accountsPage(ctx, {
          filter,
          units,
          accounts: found.accounts.map(accountJson),
          nextPageToken: found.page?.nextPageToken || undefined,
          flash: takeFlash(req),
        }),
      );
    } catch (err) {
      const refused = formFromRefusal(ctx, err, []);
      if (refused === undefined) throw err;
      const error = describeError(ctx, err);
      sendPage(res, error.status, accountsPage(ctx, { filter, units, accounts: [], error }));
    }
  });

  const renderNew = async (req: Request, draft: AccountDraft, form: FormState): Promise<string> => {
    const ctx = pageContext(req, deps.csrf);
    const caller = callerOf(req);
    const principal = principalOrFail(req);
    const national = principal.unitCode === 'VN';
    // A national caller who picked a commune keeps its province's list after a refusal.
    const picked =
      national && /^[0-9]{2,5}$/.test(draft.unitCode) ? draft.unitCode.slice(0, 2) : undefined;
    const within = queryText(req, 'within') ?? picked;
    const units = await unitChoices(
      deps.units,
      caller,
      principal.unitCode,
      ctx.t('tier.national'),
      within,
    );
    const provinces = national
      ? (await provinceOptions(deps.units, caller, ctx.t('tier.national'))).provinces
      : undefined;
    return accountNewPage(ctx, {
      draft,
      form,
      units,
      // The caller's own unit, and the unit picked when the form comes back.
      offeredRoles: await offeredRolesAt(deps.accounts, caller, [
        principal.unitCode,
        ...(/^(VN|[0-9]{2,5})$/.test(draft.unitCode) ? [draft.unitCode] : []),
      ]),
      ...(provinces ? { provinces, within } : {}),
      national: national && within === undefined,
    });
  };

  router.get('/accounts/new', async (req, res) => {
    const draft: AccountDraft = {
      username: '',
      displayName: '',
      unitCode: '',
      roles: [],
      nationalDomain: '',
      initialPassword: '',
    };
    sendPage(res, 200, await renderNew(req, draft, emptyForm()));
  });

  router.post('/accounts/new', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const { value: draft, errors } = parseAccountDraft(req.body as Record<string, unknown>);
    if (Object.keys(errors).length > 0) {
      sendPage(res, 400, await renderNew(req, draft, formFromFieldErrors(ctx, errors)));
      return;
    }
    try {
      const created = await deps.accounts.createAccount(callerOf(req), {
        username: draft.username,
        displayName: draft.displayName,
        unitCode: draft.unitCode,
        roles: draft.roles,
        nationalDomain: domainValue(draft.nationalDomain),
        initialPassword: draft.initialPassword,
      });
      const account = requiredAccount(created.account);
      req.session.flash = {
        message: 'flash.created',
        params: { username: account.username },
        temporaryPassword: created.temporaryPassword,
        accountId: account.id,
      };
      res.redirect(303, `/accounts/${account.id}`);
    } catch (err) {
      const refused = formFromRefusal(ctx, err, CREATE_FIELDS);
      if (refused === undefined) throw err;
      sendPage(res, refused.status, await renderNew(req, draft, refused.form));
    }
  });

  router.get('/accounts/:id', async (req, res) => {
    const id = req.params['id'];
    if (!isAccountId(id)) throw badRequest('account_id', 'must be an account id (UUID)');
    principalOrFail(req);
    const caller = callerOf(req);
    const account = requiredAccount((await deps.accounts.getAccount(caller, id)).account);
    const flash = takeFlash(req);
    sendPage(
      res,
      200,
      accountPage(pageContext(req, deps.csrf), {
        account,
        unitName: await unitNameOf(deps.units, caller, account),
        offeredRoles: await offeredRolesAt(deps.accounts, caller, [account.unitCode]),
        ...(flash?.accountId === id ? { flash } : {}),
      }),
    );
  });

  return router;
}
