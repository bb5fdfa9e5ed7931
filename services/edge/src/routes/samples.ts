/**
 * Acceptance sampling pages (nghiệm thu; the service decides every call):
 *   GET  /samples?unit=                          samples of a unit, and the draw form
 *   POST /samples                                DrawSample (a unit above the commune)
 *   GET  /samples/:id                            items, checks and result
 *   GET  /samples/:id/households/:householdId    the check form of one sampled household
 *   POST /samples/:id/households/:householdId    RecordFieldCheck
 *   POST /samples/:id/result                     ComputeResult
 * Writes post/redirect/get with a message; a refusal re-renders the page with the reason.
 */
import { Router, type Request, type Response } from 'express';
import { householdJson } from '../api/household-json';
import { sampleItemJson, sampleJson, type SampleJson } from '../api/sampling-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { decidesSamples } from '../http/registry-quality-roles';
import { takeFlash } from '../http/session';
import { idParam, unitCodeParam } from '../forms/household-params';
import { drawSizeOf, fieldChecksFromForm } from '../forms/sampling-input';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import { emptyForm, type FormState } from '../views/account-parts';
import { sampleCheckPage } from '../views/sample-check-page';
import { samplePage } from '../views/sample-page';
import { samplesPage, type DrawValues } from '../views/samples-page';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface SamplesDeps {
  households: HouseholdGateway;
  registryQuality: RegistryQualityGateway;
  csrf: Csrf;
}

const DRAW_FIELDS = ['commune_code', 'purpose', 'sample_size', 'rate_percent'];

export function sampleRoutes(deps: SamplesDeps): Router {
  const router = Router();
  router.use('/samples', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const loadSample = async (req: Request): Promise<SampleJson> => {
    const res = await deps.registryQuality.getSample(
      callerOf(req),
      idParam(req.params['id'], 'id'),
    );
    if (res.sample === undefined) throw new Error('the service answered without the sample');
    return sampleJson(res.sample);
  };

  const renderList = async (
    req: Request,
    res: Response,
    status: number,
    draw?: { values: DrawValues; form: FormState },
  ): Promise<void> => {
    const unit = queryText(req, 'unit', 10);
    const list = await deps.registryQuality.listSamples(callerOf(req), unitCodeParam(unit), 100);
    const flash = status === 200 ? takeFlash(req) : undefined;
    sendPage(
      res,
      status,
      samplesPage(pageContext(req, deps.csrf), {
        unit,
        samples: list.samples.map(sampleJson),
        draws: decidesSamples(principalOfRequest(req)),
        ...(flash ? { flash } : {}),
        ...(draw ? { draw } : {}),
      }),
    );
  };

  const renderSample = async (req: Request, res: Response, status: number, form?: FormState) => {
    const sample = await loadSample(req);
    const flash = status === 200 ? takeFlash(req) : undefined;
    sendPage(
      res,
      status,
      samplePage(pageContext(req, deps.csrf), {
        sample,
        decides: decidesSamples(principalOfRequest(req)),
        ...(flash ? { flash } : {}),
        ...(form ? { form } : {}),
      }),
    );
  };

  const renderCheck = async (req: Request, res: Response, status: number, form: FormState) => {
    const sample = await loadSample(req);
    const householdId = idParam(req.params['householdId'], 'household_id');
    const item = sample.items.find((i) => i.householdId === householdId);
    if (item === undefined) throw badRequest('household_id', 'is not in this sample');
    const got = await deps.households.getHousehold(callerOf(req), householdId);
    if (got.household === undefined) throw new Error('the service answered without the household');
    sendPage(
      res,
      status,
      sampleCheckPage(pageContext(req, deps.csrf), {
        sampleId: sample.id,
        household: householdJson(got.household),
        item,
        form,
      }),
    );
  };

  router.get('/samples', (req, res) => renderList(req, res, 200));

  router.post('/samples', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const values: DrawValues = {
      communeCode: formText(req, 'commune_code', 10).trim(),
      purpose: formText(req, 'purpose', 200),
      sampleSize: formText(req, 'sample_size', 10),
      ratePercent: formText(req, 'rate_percent', 10),
    };
    try {
      const done = await deps.registryQuality.drawSample(callerOf(req), {
        communeCode: values.communeCode,
        purpose: values.purpose,
        ...drawSizeOf(values.sampleSize, values.ratePercent),
        seed: '',
      });
      const sample = done.sample;
      if (sample === undefined) throw new Error('the service answered without the sample');
      req.session.flash = {
        message: 'rq.flash.drawn',
        params: { size: String(sample.sampleSize) },
      };
      res.redirect(303, `/samples/${sample.id}`);
    } catch (err) {
      const ctx = pageContext(req, deps.csrf);
      const refused = formRefusal(
        ctx,
        err,
        (f) => DRAW_FIELDS.includes(f) || f === 'rate_basis_points',
      );
      if (refused === undefined) throw err;
      const { rate_basis_points: rateError, ...others } = refused.form.fieldErrors;
      refused.form.fieldErrors = rateError ? { ...others, rate_percent: rateError } : others;
      await renderList(req, res, refused.status, { values, form: refused.form });
    }
  });

  router.get('/samples/:id', (req, res) => renderSample(req, res, 200));

  router.get(
    '/samples/:id/households/:householdId',
    requireRole('approver', 'officer'),
    (req, res) => renderCheck(req, res, 200, emptyForm()),
  );

  router.post(
    '/samples/:id/households/:householdId',
    requireRole('approver', 'officer'),
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const id = idParam(req.params['id'], 'id');
      try {
        const done = await deps.registryQuality.recordFieldCheck(callerOf(req), {
          sampleId: id,
          householdId: idParam(req.params['householdId'], 'household_id'),
          checks: fieldChecksFromForm(req.body as Record<string, unknown>),
          note: formText(req, 'note'),
        });
        const code = done.item ? sampleItemJson(done.item).householdCode : '';
        req.session.flash = { message: 'rq.flash.checked', params: { code } };
        res.redirect(303, `/samples/${id}`);
      } catch (err) {
        const refused = formRefusal(pageContext(req, deps.csrf), err, () => false);
        if (refused === undefined) throw err;
        await renderCheck(req, res, refused.status, refused.form);
      }
    },
  );

  router.post('/samples/:id/result', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const id = idParam(req.params['id'], 'id');
    try {
      await deps.registryQuality.computeResult(callerOf(req), id);
      req.session.flash = { message: 'rq.flash.decided' };
      res.redirect(303, `/samples/${id}`);
    } catch (err) {
      const refused = formRefusal(pageContext(req, deps.csrf), err, () => false);
      if (refused === undefined) throw err;
      await renderSample(req, res, refused.status, refused.form);
    }
  });

  return router;
}
