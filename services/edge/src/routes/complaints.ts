/**
 * Staff pages of complaints (phản ánh, kiến nghị; read roles as for cases; staff record one
 * for a caller; officers and approvers answer, close and reroute; the cases service checks
 * every call, jurisdiction included):
 *   GET  /complaints?unit=&status=&overdue=1&page=   the list with the overdue flag
 *   GET  /complaints/new, POST /complaints/new        record a complaint for a caller
 *   GET  /complaints/:id                              one complaint and its next steps
 *   POST /complaints/:id/answer | close | reroute     the steps (CSRF, expected_version)
 */
import { Router, type Request, type Response } from 'express';
import { answered, complaintJson } from '../api/citizen-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import {
  CITIZEN_SERVICE_PAGE_ROLES,
  filesComplaints,
  handlesComplaints,
} from '../http/citizen-service-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash, type Flash } from '../http/session';
import { idParam, unitCodeParam } from '../forms/household-params';
import { staffComplaintFromFields } from '../forms/citizen-input';
import type { ComplaintGateway } from '../gateways/complaint-gateway';
import { emptyForm, type FormState } from '../views/account-parts';
import { complaintNewPage } from '../views/complaint-new-page';
import { complaintListPage, complaintPage } from '../views/complaint-pages';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

const BASE = '/complaints';
const complaintId = (req: Request): string => idParam(req.params['id'], 'complaint_id');
const FIELDS = [
  'subject_kind',
  'subject_id',
  'managing_unit_code',
  'complainant_name',
  'complainant_citizen_id',
  'complainant_phone',
  'content',
  'answer',
  'note',
  'reason',
];

function postedValues(req: Request): Record<string, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, formText(req, name, 4000)]));
}

function versionOf(req: Request): number {
  const text = formText(req, 'expected_version', 12);
  if (!/^[0-9]{1,9}$/.test(text)) throw badRequest('expected_version', 'must be a whole number');
  return Number(text);
}

export function complaintRoutes(deps: { complaints: ComplaintGateway; csrf: Csrf }): Router {
  const router = Router();
  router.use(BASE, requireSignIn, requireRole(...CITIZEN_SERVICE_PAGE_ROLES));

  router.get(BASE, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const unit = queryText(req, 'unit', 5);
    const status = queryText(req, 'status', 20);
    const overdueOnly = queryText(req, 'overdue', 1) === '1';
    const page = queryText(req, 'page', 2000);
    if (!['', 'open', 'answered', 'closed'].includes(status))
      throw badRequest('status', 'must be open, answered or closed');
    const found = await deps.complaints.list(callerOf(req), {
      unitCode: unitCodeParam(unit),
      status,
      overdueOnly,
      page: { pageSize: 50, pageToken: page },
    });
    sendPage(
      res,
      200,
      complaintListPage(ctx, {
        unit,
        status,
        overdueOnly,
        page,
        complaints: found.complaints.map(complaintJson),
        mayFile: filesComplaints(principalOfRequest(req)),
        ...(found.page?.nextPageToken ? { nextPageToken: found.page.nextPageToken } : {}),
      }),
    );
  });

  router.get(`${BASE}/new`, (req, res) => {
    sendPage(res, 200, complaintNewPage(pageContext(req, deps.csrf), emptyForm(), {}));
  });

  router.post(`${BASE}/new`, deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const values = postedValues(req);
    try {
      const answer = await deps.complaints.file(callerOf(req), {
        ...staffComplaintFromFields(values),
        sourceAddress: '',
      });
      const c = answered(answer.complaint, 'complaint');
      req.session.flash = { message: 'cp.filed', params: { code: c.trackingCode } };
      res.redirect(303, `${BASE}/${c.complaintId}`);
    } catch (err) {
      const ctx = pageContext(req, deps.csrf);
      const refusal = formRefusal(ctx, err, (f) => FIELDS.includes(f));
      if (refusal === undefined) throw err;
      sendPage(res, refusal.status, complaintNewPage(ctx, refusal.form, values));
    }
  });

  async function show(
    req: Request,
    res: Response,
    status: number,
    form: FormState,
    values: Record<string, string>,
    flash?: Flash,
  ): Promise<void> {
    const found = await deps.complaints.get(callerOf(req), complaintId(req));
    sendPage(
      res,
      status,
      complaintPage(pageContext(req, deps.csrf), {
        complaint: complaintJson(answered(found.complaint, 'complaint')),
        mayHandle: handlesComplaints(principalOfRequest(req)),
        form,
        values,
        ...(flash ? { flash } : {}),
      }),
    );
  }

  router.get(`${BASE}/:id`, async (req, res) => {
    await show(req, res, 200, emptyForm(), {}, takeFlash(req));
  });

  const step = (path: string, run: (req: Request) => Promise<Flash>) =>
    router.post(`${BASE}/:id/${path}`, deps.csrf.csrfSynchronisedProtection, async (req, res) => {
      try {
        req.session.flash = await run(req);
        res.redirect(303, `${BASE}/${complaintId(req)}`);
      } catch (err) {
        const refusal = formRefusal(pageContext(req, deps.csrf), err, (f) => FIELDS.includes(f));
        if (refusal === undefined) throw err;
        await show(req, res, refusal.status, refusal.form, postedValues(req));
      }
    });

  step('answer', async (req) => {
    await deps.complaints.answer(callerOf(req), {
      complaintId: complaintId(req),
      expectedVersion: versionOf(req),
      answer: formText(req, 'answer', 4000).trim(),
    });
    return { message: 'cp.answered' };
  });
  step('close', async (req) => {
    await deps.complaints.closeComplaint(callerOf(req), {
      complaintId: complaintId(req),
      expectedVersion: versionOf(req),
      note: formText(req, 'note', 1000).trim(),
    });
    return { message: 'cp.closed' };
  });
  step('reroute', async (req) => {
    const unit = formText(req, 'managing_unit_code', 5).trim();
    await deps.complaints.reroute(callerOf(req), {
      complaintId: complaintId(req),
      expectedVersion: versionOf(req),
      managingUnitCode: unit,
      reason: formText(req, 'reason', 1000).trim(),
    });
    return { message: 'cp.rerouted', params: { code: unit } };
  });

  return router;
}
