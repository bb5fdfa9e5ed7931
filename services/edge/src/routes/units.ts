/**
 * The unit catalogue pages:
 *   GET /units                 provinces at a date, or search results (?q=, without diacritics)
 *   GET /units/lineage?code=   merger lineage of a code of the structure before 1 Jul 2025
 *   GET /units/:code           one unit: breadcrumbs, children, lineage, villages of a commune
 * `?date=YYYY-MM-DD` picks the structure in force on that day (default today).
 */
import { Router, type Request } from 'express';
import { resolutionJson, unitJson, unitsJson, villageJson } from '../api/unit-json';
import { callerOf } from '../http/auth';
import { badRequest, EdgeError } from '../http/errors';
import { parseVersion } from '../http/params';
import type { Caller, UnitGateway } from '../gateways/unit-gateway';
import { lineagePage, unitPage, type UnitModel } from '../views/unit-page';
import { unitsPage } from '../views/units-page';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface UnitRouteDeps {
  units: UnitGateway;
  csrf: Csrf;
}

function text(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const UNIT_CODE = /^[0-9]{2,5}$/;

/** Loads everything the page of one unit shows. */
export async function loadUnitModel(
  units: UnitGateway,
  caller: Caller,
  code: string,
  date: string | undefined,
  pageToken = '',
): Promise<UnitModel> {
  if (!UNIT_CODE.test(code)) throw badRequest('code', 'must be a unit code of 2 to 5 digits');
  const version = parseVersion({ date }, 'date');
  const unit = unitJson((await units.getUnit(caller, { code, ...version })).unit);
  if (unit === null) throw new EdgeError(404, 'NOT_FOUND', `unit ${code} not found`);
  const [ancestors, children, lineage, villages] = await Promise.all([
    units.listAncestors(caller, { code, ...version }),
    unit.level === 'commune'
      ? undefined
      : units.listChildren(caller, {
          parentCode: code,
          ...version,
          page: { pageSize: 200, pageToken },
        }),
    unit.structure === '2024' ? units.resolveUnit(caller, { oldCode: code }) : undefined,
    unit.structure === '2025' && unit.level === 'commune'
      ? units.listVillages(caller, { communeCode: code, page: { pageSize: 500, pageToken: '' } })
      : undefined,
  ]);
  return {
    date,
    unit,
    ancestors: unitsJson(ancestors.units),
    children: unitsJson(children?.units ?? []),
    nextChildrenPage: children?.page?.nextPageToken || undefined,
    lineage: lineage === undefined ? undefined : resolutionJson(lineage),
    villages: villages?.villages.map(villageJson),
  };
}

export function unitRoutes(deps: UnitRouteDeps): Router {
  const router = Router();
  router.use('/units', requireSignIn);

  router.get('/units', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const date = text(req, 'date');
    const q = text(req, 'q');
    const caller = callerOf(req);
    try {
      const version = parseVersion({ date }, 'date');
      const page = { pageSize: 100, pageToken: text(req, 'page') ?? '' };
      if (q !== undefined) {
        const found = await deps.units.searchUnits(caller, {
          query: q,
          ...version,
          level: 0,
          provinceCode: '',
          page,
        });
        const results = unitsJson(found.units);
        sendPage(
          res,
          200,
          unitsPage(ctx, {
            date,
            q,
            provinces: [],
            results,
            nextPageToken: found.page?.nextPageToken || undefined,
          }),
        );
        return;
      }
      const provinces = await deps.units.listChildren(caller, { parentCode: '', ...version, page });
      sendPage(res, 200, unitsPage(ctx, { date, provinces: unitsJson(provinces.units) }));
    } catch (err) {
      const e = describeError(ctx, err);
      if (e.code === 'UNAUTHENTICATED' || e.code === 'INTERNAL') throw err;
      sendPage(
        res,
        e.status,
        unitsPage(ctx, { date, q, provinces: [], results: q ? [] : undefined, error: e }),
      );
    }
  });

  router.get('/units/lineage', async (req, res) => {
    const code = text(req, 'code') ?? '';
    if (!UNIT_CODE.test(code))
      throw badRequest('old_code', 'must be a unit code of 2, 3 or 5 digits');
    const lineage = await deps.units.resolveUnit(callerOf(req), { oldCode: code });
    sendPage(res, 200, lineagePage(pageContext(req, deps.csrf), resolutionJson(lineage)));
  });

  router.get('/units/:code', async (req, res) => {
    const model = await loadUnitModel(
      deps.units,
      callerOf(req),
      req.params.code,
      text(req, 'date'),
      text(req, 'page'),
    );
    const created = text(req, 'created');
    sendPage(
      res,
      200,
      unitPage(pageContext(req, deps.csrf), {
        ...model,
        createdVillage: created && /^[0-9]{8}$/.test(created) ? created : undefined,
      }),
    );
  });

  return router;
}
