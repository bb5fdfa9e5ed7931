/**
 * Household pages (officer, approver, analyst, auditor; the service checks every call):
 *   GET  /households       list of the caller's unit (or ?unit=), village and status filters, keyset paging
 *   GET  /households/new   create form (officers of a commune)
 *   POST /households/new   CreateHousehold (CSRF); success: the household's page
 * The detail, history and member forms are in household-detail.ts, search in household-search.ts.
 */
import { Router, type Request } from 'express';
import type { MemberText } from '../api/household-json';
import { areaOf, householdJson, householdStatusOf, memberInputOf } from '../api/household-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { EdgeError } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { unitCodeParam } from '../forms/household-params';
import type { HouseholdGateway } from '../gateways/household-gateway';
import { emptyForm, type FormState } from '../views/account-parts';
import { emptyMember, memberTextFrom } from '../views/household-parts';
import { householdNewPage, type HouseholdDraft } from '../views/household-new-page';
import { householdsPage, type HouseholdFilter } from '../views/households-page';
import { formRefusal, formText, queryText } from './household-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface HouseholdRouteDeps {
  households: HouseholdGateway;
  csrf: Csrf;
}

const FIRST_ROWS = 3;
const MAX_ROWS = 50;

function blank(m: MemberText): boolean {
  return m.fullName.trim() === '' && m.citizenId.trim() === '' && m.dateOfBirth.trim() === '';
}

/** The draft of a posted form; rows left blank are dropped so indexes match the request. */
function draftOf(req: Request, communeCode: string): HouseholdDraft {
  const rows = Math.min(Math.max(Number(formText(req, 'rows', 3)) || FIRST_ROWS, 1), MAX_ROWS);
  const body = req.body as Record<string, unknown>;
  const members: MemberText[] = [];
  for (let i = 0; i < rows; i++) {
    const m = memberTextFrom(body, `members[${i}]`);
    if (!blank(m)) members.push(m);
  }
  return {
    communeCode,
    villageCode: formText(req, 'village_code', 50),
    streetAddress: formText(req, 'street_address', 300),
    area: formText(req, 'area', 10),
    members,
    reason: formText(req, 'reason'),
  };
}

function withRows(draft: HouseholdDraft, rows: number): HouseholdDraft {
  const members = [...draft.members];
  while (members.length < rows) members.push(emptyMember());
  return { ...draft, members };
}

export function householdRoutes(deps: HouseholdRouteDeps): Router {
  const router = Router();
  router.use('/households', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  router.get('/households', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const filter: HouseholdFilter = {
      unit: queryText(req, 'unit', 5),
      village: queryText(req, 'village', 50),
      status: queryText(req, 'status', 10),
      page: queryText(req, 'page', 2000),
    };
    const writesCommune = writesHouseholdsOf(principalOfRequest(req));
    try {
      const found = await deps.households.listHouseholds(callerOf(req), {
        unitCode: unitCodeParam(filter.unit),
        villageCode: filter.village,
        status: householdStatusOf(filter.status),
        page: { pageSize: 50, pageToken: filter.page },
      });
      const model = {
        filter,
        households: found.households.map(householdJson),
        nextPageToken: found.page?.nextPageToken || undefined,
        writesCommune,
      };
      sendPage(res, 200, householdsPage(ctx, model));
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      sendPage(
        res,
        error.status,
        householdsPage(ctx, { filter, households: [], writesCommune, error }),
      );
    }
  });

  const commune = (req: Request): string => {
    const code = writesHouseholdsOf(principalOfRequest(req));
    if (code === undefined)
      throw new EdgeError(
        403,
        'PERMISSION_DENIED',
        'creating households needs an officer of a commune',
      );
    return code;
  };

  router.get('/households/new', (req, res) => {
    const draft = withRows(
      {
        communeCode: commune(req),
        villageCode: '',
        streetAddress: '',
        area: '',
        members: [],
        reason: '',
      },
      FIRST_ROWS,
    );
    sendPage(res, 200, householdNewPage(pageContext(req, deps.csrf), draft, emptyForm()));
  });

  router.post('/households/new', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const draft = draftOf(req, commune(req));
    if (formText(req, 'more', 1) === '1') {
      sendPage(
        res,
        200,
        householdNewPage(ctx, withRows(draft, draft.members.length + 2), emptyForm()),
      );
      return;
    }
    let form: FormState;
    let status: number;
    try {
      const created = await deps.households.createHousehold(callerOf(req), {
        communeCode: draft.communeCode,
        villageCode: draft.villageCode.trim(),
        streetAddress: draft.streetAddress,
        area: areaOf(draft.area),
        members: draft.members.map((m, i) => memberInputOf(m, `members[${i}]`)),
        reason: draft.reason,
      });
      const household = created.household;
      if (household === undefined) throw new Error('the service answered without the household');
      req.session.flash = { message: 'hh.flash.created', params: { code: household.code } };
      res.redirect(303, `/households/${household.id}`);
      return;
    } catch (err) {
      const refused = formRefusal(ctx, err, () => true);
      if (refused === undefined) throw err;
      ({ form, status } = refused);
    }
    const shown = withRows(draft, Math.max(draft.members.length, 1));
    sendPage(res, status, householdNewPage(ctx, shown, form));
  });

  return router;
}
