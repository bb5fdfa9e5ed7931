/**
 * The action forms of an account's page (CSRF, unit and system administrators):
 *   POST /accounts/:id/roles    UpdateRoles (roles, national_domain)
 *   POST /accounts/:id/lock     LockAccount (reason)
 *   POST /accounts/:id/unlock   UnlockAccount: a temporary password, shown once
 *   POST /accounts/:id/reset    ResetPassword: a temporary password, shown once
 * Success redirects to the account's page with a message (post/redirect/get); a refusal
 * re-renders it with the reason at the form or next to the field, with the refusal's status.
 */
import { Router, type Request, type Response } from 'express';
import { requiredAccount, type AccountJson } from '../api/account-json';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { ACCOUNT_PAGE_ROLES, requireRole } from '../http/page-roles';
import type { Flash } from '../http/session';
import {
  domainValue,
  isAccountId,
  parseLockReason,
  parseRolesDraft,
  type FieldErrors,
} from '../forms/account-input';
import type { AccountGateway } from '../gateways/account-gateway';
import type { Caller, UnitGateway } from '../gateways/unit-gateway';
import { accountPage, type AccountAction } from '../views/account-page';
import type { FormState } from '../views/account-parts';
import {
  formFromFieldErrors,
  formFromRefusal,
  offeredRolesAt,
  principalOrFail,
  unitNameOf,
} from './account-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

interface Outcome {
  account: AccountJson;
  flash: Flash;
}

type Run = (caller: Caller, id: string, body: Record<string, unknown>) => Promise<Outcome>;

/** Input errors found by the edge, thrown before identity is called. */
class FormInputError extends Error {
  constructor(readonly errors: FieldErrors) {
    super('invalid form input');
  }
}

export function accountActionRoutes(deps: {
  units: UnitGateway;
  accounts: AccountGateway;
  csrf: Csrf;
}): Router {
  const router = Router();
  const a = deps.accounts;

  const runs: Record<AccountAction, { fields: string[]; run: Run }> = {
    roles: {
      fields: ['roles', 'national_domain'],
      run: async (caller, id, body) => {
        const { value, errors } = parseRolesDraft(body);
        if (Object.keys(errors).length > 0) throw new FormInputError(errors);
        const res = await a.updateRoles(caller, {
          accountId: id,
          roles: value.roles,
          nationalDomain: domainValue(value.nationalDomain),
        });
        return { account: requiredAccount(res.account), flash: { message: 'flash.roles' } };
      },
    },
    lock: {
      fields: ['reason'],
      run: async (caller, id, body) => {
        const { value, errors } = parseLockReason(body);
        if (Object.keys(errors).length > 0) throw new FormInputError(errors);
        const res = await a.lockAccount(caller, id, value);
        return { account: requiredAccount(res.account), flash: { message: 'flash.locked' } };
      },
    },
    unlock: {
      fields: [],
      run: async (caller, id) => {
        const res = await a.unlockAccount(caller, id);
        const flash = { message: 'flash.unlocked', temporaryPassword: res.temporaryPassword };
        return { account: requiredAccount(res.account), flash };
      },
    },
    reset: {
      fields: [],
      run: async (caller, id) => {
        const res = await a.resetPassword(caller, id);
        const flash = { message: 'flash.reset', temporaryPassword: res.temporaryPassword };
        return { account: requiredAccount(res.account), flash };
      },
    },
  };

  const refusedPage = async (
    req: Request,
    res: Response,
    action: AccountAction,
    id: string,
    status: number,
    form: FormState,
  ): Promise<void> => {
    principalOrFail(req);
    const caller = callerOf(req);
    const account = requiredAccount((await a.getAccount(caller, id)).account);
    const body = req.body as Record<string, unknown>;
    sendPage(
      res,
      status,
      accountPage(pageContext(req, deps.csrf), {
        account,
        unitName: await unitNameOf(deps.units, caller, account),
        offeredRoles: await offeredRolesAt(a, caller, [account.unitCode]),
        refused: {
          action,
          form,
          ...(action === 'roles' ? { roles: parseRolesDraft(body).value.roles } : {}),
          ...(action === 'lock' ? { reason: parseLockReason(body).value } : {}),
        },
      }),
    );
  };

  for (const action of Object.keys(runs) as AccountAction[]) {
    router.post(
      `/accounts/:id/${action}`,
      requireSignIn,
      requireRole(...ACCOUNT_PAGE_ROLES),
      deps.csrf.csrfSynchronisedProtection,
      async (req, res) => {
        const id = req.params['id'];
        if (!isAccountId(id)) throw badRequest('account_id', 'must be an account id (UUID)');
        const body = (req.body ?? {}) as Record<string, unknown>;
        try {
          const outcome = await runs[action].run(callerOf(req), id, body);
          req.session.flash = { ...outcome.flash, accountId: outcome.account.id };
          res.redirect(303, `/accounts/${id}`);
        } catch (err) {
          const ctx = pageContext(req, deps.csrf);
          if (err instanceof FormInputError) {
            await refusedPage(req, res, action, id, 400, formFromFieldErrors(ctx, err.errors));
            return;
          }
          const refused = formFromRefusal(ctx, err, runs[action].fields);
          if (refused === undefined) throw err;
          await refusedPage(req, res, action, id, refused.status, refused.form);
        }
      },
    );
  }
  return router;
}
