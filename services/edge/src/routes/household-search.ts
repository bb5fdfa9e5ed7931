/**
 * GET /households/search?kind=name|citizen_id|household_code&q=&unit=&status=&page=
 * SearchMembers of the households service: a name typed with or without diacritics, a
 * citizen ID, or a household code (whole, or its start); results link to the household.
 */
import { Router } from 'express';
import type { SearchQuery } from '@posa/proto';
import { householdStatusOf } from '../api/household-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { unitCodeParam } from '../forms/household-params';
import type { HouseholdGateway } from '../gateways/household-gateway';
import {
  householdSearchPage,
  SEARCH_KINDS,
  type SearchForm,
  type SearchKind,
} from '../views/household-search-page';
import { queryText } from './household-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

function queryOf(kind: SearchKind, q: string): SearchQuery {
  const query: SearchQuery = {
    name: '',
    citizenId: '',
    householdCode: '',
    householdCodePrefix: '',
  };
  if (kind === 'name') query.name = q;
  else if (kind === 'citizen_id') query.citizenId = q.replace(/\s+/g, '');
  else if (/^[0-9]{5}-[0-9]{4}-[0-9]{6}$/.test(q)) query.householdCode = q;
  else query.householdCodePrefix = q;
  return query;
}

export function householdSearchRoutes(deps: { households: HouseholdGateway; csrf: Csrf }): Router {
  const router = Router();
  router.get(
    '/households/search',
    requireSignIn,
    requireRole(...HOUSEHOLD_PAGE_ROLES),
    async (req, res) => {
      const ctx = pageContext(req, deps.csrf);
      const kindText = queryText(req, 'kind', 20);
      const form: SearchForm = {
        kind: (SEARCH_KINDS as readonly string[]).includes(kindText)
          ? (kindText as SearchKind)
          : 'name',
        q: queryText(req, 'q', 200),
        unit: queryText(req, 'unit', 5),
        status: queryText(req, 'status', 10),
        page: queryText(req, 'page', 2000),
      };
      const writesCommune = writesHouseholdsOf(principalOfRequest(req));
      if (form.q === '') {
        sendPage(res, 200, householdSearchPage(ctx, { form, writesCommune }));
        return;
      }
      try {
        const found = await deps.households.searchMembers(callerOf(req), {
          query: queryOf(form.kind, form.q),
          filter: {
            unitCode: unitCodeParam(form.unit, 'filter.unit_code'),
            status: householdStatusOf(form.status, 'filter.status'),
            classificationYear: 0,
            classifications: [],
            includeDeceased: true,
          },
          page: { pageSize: 20, pageToken: form.page },
        });
        sendPage(
          res,
          200,
          householdSearchPage(ctx, {
            form,
            hits: found.members,
            nextPageToken: found.page?.nextPageToken || undefined,
            writesCommune,
          }),
        );
      } catch (err) {
        const error = describeError(ctx, err);
        if (error.status === 401 || error.status >= 500) throw err;
        sendPage(
          res,
          error.status,
          householdSearchPage(ctx, { form, hits: [], writesCommune, error }),
        );
      }
    },
  );
  return router;
}
