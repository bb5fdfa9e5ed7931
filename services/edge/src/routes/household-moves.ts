/**
 * Moves of one household, for officers of its commune (the service decides every call):
 *   GET  /households/:id/moves?target=CODE   the forms; `target` picks another household
 *   POST /households/:id/moves/member        MoveMember (to the picked household)
 *   POST /households/:id/moves/out           MoveMemberOut (chuyển đi)
 *   POST /households/:id/moves/split         SplitHousehold (tách hộ)
 *   POST /households/:id/moves/merge         MergeHouseholds (nhập hộ, the picked one in)
 * Writes post/redirect/get to the household; a refusal re-renders the form with the reason.
 */
import { Router, type Request, type Response } from 'express';
import { SearchHouseholdsRequest, type MemberRelation } from '@posa/proto';
import { areaOf, householdJson, type HouseholdJson } from '../api/household-json';
import { callerOf } from '../http/auth';
import { HOUSEHOLD_PAGE_ROLES } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { idParam } from '../forms/household-params';
import { memberField, optionalId, valuesFrom, versionField } from '../forms/move-form';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import {
  householdMovesPage,
  type MergeValues,
  type MoveFormName,
  type MoveValues,
  type MovesModel,
  type SplitValues,
} from '../views/household-moves-page';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface HouseholdMovesDeps {
  households: HouseholdGateway;
  registryQuality: RegistryQualityGateway;
  csrf: Csrf;
}

const idOf = (req: Request): string => idParam(req.params['id'], 'id');

export function householdMovesRoutes(deps: HouseholdMovesDeps): Router {
  const router = Router();
  router.use('/households', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const load = async (req: Request, id: string): Promise<HouseholdJson> => {
    const res = await deps.households.getHousehold(callerOf(req), id);
    if (res.household === undefined) throw new Error('the service answered without the household');
    return householdJson(res.household);
  };

  /** The household picked by its code, or why none was. */
  const pick = async (
    req: Request,
    self: HouseholdJson,
    code: string,
  ): Promise<Pick<MovesModel, 'target' | 'targetProblem'>> => {
    if (code === '') return {};
    const t = pageContext(req, deps.csrf).t;
    const found = await deps.households.searchHouseholds(
      callerOf(req),
      SearchHouseholdsRequest.fromPartial({
        query: { householdCode: code },
        page: { pageSize: 1, pageToken: '' },
      }),
    );
    const hit = found.households[0];
    if (hit === undefined) return { targetProblem: t('rq.target.notFound', { code }) };
    if (hit.householdId === self.id) return { targetProblem: t('rq.target.same') };
    return { target: await load(req, hit.householdId) };
  };

  const render = async (
    req: Request,
    res: Response,
    status: number,
    targetCode: string,
    posted?: MovesModel['posted'],
  ): Promise<void> => {
    const household = await load(req, idOf(req));
    const flash = status === 200 ? takeFlash(req) : undefined;
    const model: MovesModel = {
      household,
      targetCode,
      ...(await pick(req, household, targetCode)),
      ...(flash ? { flash } : {}),
      ...(posted ? { posted } : {}),
    };
    sendPage(res, status, householdMovesPage(pageContext(req, deps.csrf), model));
  };

  router.get('/households/:id/moves', requireRole('officer'), async (req, res) => {
    await render(req, res, 200, queryText(req, 'target', 40));
  });

  /** Runs a write; on a refusal re-renders the named form with its values. */
  const write =
    (
      name: MoveFormName,
      fields: readonly string[],
      run: (
        req: Request,
      ) => Promise<{ values: MoveValues | SplitValues | MergeValues; sent?: MemberRelation[] }>,
    ) =>
    async (req: Request, res: Response): Promise<void> => {
      let values: MoveValues | SplitValues | MergeValues = valuesFrom(req, name);
      let sent: MemberRelation[] = [];
      try {
        const done = await run(req);
        values = done.values;
        sent = done.sent ?? [];
        res.redirect(303, `/households/${idOf(req)}`);
      } catch (err) {
        const ctx = pageContext(req, deps.csrf);
        const refused = formRefusal(
          ctx,
          err,
          (f) => fields.includes(f) || /^relation\./.test(memberField(f, sent) ?? ''),
        );
        if (refused === undefined) throw err;
        const form = refused.form;
        const renamed: typeof form.fieldErrors = {};
        for (const [f, e] of Object.entries(form.fieldErrors))
          renamed[memberField(f, sent) ?? f] = e;
        form.fieldErrors = renamed;
        await render(req, res, refused.status, formText(req, 'target_code', 40).trim(), {
          name,
          form,
          values,
        });
      }
    };

  const MOVE_FIELDS = ['member_id', 'relation', 'new_head_member_id', 'reason'];
  router.post(
    '/households/:id/moves/member',
    deps.csrf.csrfSynchronisedProtection,
    write('move', MOVE_FIELDS, async (req) => {
      const values = valuesFrom(req, 'move') as MoveValues;
      const res = await deps.registryQuality.moveMember(callerOf(req), {
        fromHouseholdId: idOf(req),
        fromExpectedVersion: versionField(req, 'expected_version', 'from_expected_version'),
        memberId: idParam(values.memberId, 'member_id'),
        toHouseholdId: idParam(formText(req, 'to_household_id', 40), 'to_household_id'),
        toExpectedVersion: versionField(req, 'to_expected_version', 'to_expected_version'),
        relation: values.relation,
        newHeadMemberId: optionalId(req, 'new_head_member_id'),
        reason: values.reason,
      });
      req.session.flash = {
        message: 'rq.flash.moved',
        params: { code: res.toHousehold?.code ?? '' },
      };
      return { values };
    }),
  );

  router.post(
    '/households/:id/moves/out',
    deps.csrf.csrfSynchronisedProtection,
    write('out', [...MOVE_FIELDS, 'destination_unit_code'], async (req) => {
      const values = valuesFrom(req, 'out') as MoveValues;
      await deps.registryQuality.moveMemberOut(callerOf(req), {
        householdId: idOf(req),
        expectedVersion: versionField(req, 'expected_version', 'expected_version'),
        memberId: idParam(values.memberId, 'member_id'),
        destinationUnitCode: values.destinationUnitCode.trim(),
        newHeadMemberId: optionalId(req, 'new_head_member_id'),
        reason: values.reason,
      });
      req.session.flash = { message: 'rq.flash.movedOut' };
      return { values };
    }),
  );

  router.post(
    '/households/:id/moves/split',
    deps.csrf.csrfSynchronisedProtection,
    write(
      'split',
      [
        'village_code',
        'street_address',
        'area',
        'remaining_head_member_id',
        'former_head_relation',
        'reason',
      ],
      async (req) => {
        const values = valuesFrom(req, 'split') as SplitValues;
        const sent = Object.entries(values.joining).map(([memberId, relation]) => ({
          memberId,
          relation,
        }));
        const res = await deps.registryQuality.splitHousehold(callerOf(req), {
          householdId: idOf(req),
          expectedVersion: versionField(req, 'expected_version', 'expected_version'),
          members: sent,
          villageCode: values.villageCode.trim(),
          streetAddress: values.streetAddress,
          area: areaOf(values.area),
          remainingHeadMemberId: optionalId(req, 'remaining_head_member_id'),
          formerHeadRelation: values.formerHeadRelation,
          reason: values.reason,
        });
        req.session.flash = {
          message: 'rq.flash.split',
          params: { code: res.newHousehold?.code ?? '' },
        };
        return { values, sent };
      },
    ),
  );

  router.post(
    '/households/:id/moves/merge',
    deps.csrf.csrfSynchronisedProtection,
    write('merge', ['reason'], async (req) => {
      const values = valuesFrom(req, 'merge') as MergeValues;
      const sent = Object.entries(values.relations).map(([memberId, relation]) => ({
        memberId,
        relation,
      }));
      const res = await deps.registryQuality.mergeHouseholds(callerOf(req), {
        survivingHouseholdId: idOf(req),
        survivingExpectedVersion: versionField(
          req,
          'expected_version',
          'surviving_expected_version',
        ),
        absorbedHouseholdId: idParam(
          formText(req, 'absorbed_household_id', 40),
          'absorbed_household_id',
        ),
        absorbedExpectedVersion: versionField(
          req,
          'absorbed_expected_version',
          'absorbed_expected_version',
        ),
        members: sent,
        reason: values.reason,
      });
      req.session.flash = {
        message: 'rq.flash.merged',
        params: { code: res.absorbedHousehold?.code ?? '' },
      };
      return { values, sent };
    }),
  );

  return router;
}
