/**
 * Public pages of the online service (dịch vụ công trực tuyến), no sign-in, under /dich-vu-cong:
 *   GET  /dich-vu-cong                         the procedures offered
 *   GET  /dich-vu-cong/nop-ho-so?thu_tuc=      the application form of a procedure
 *   POST /dich-vu-cong/nop-ho-so               multipart: fields first (CSRF checked before any
 *                                              file byte is kept), then 1–5 attachments;
 *                                              SubmitOnlineApplication, then the receipt
 *   GET  /dich-vu-cong/bien-nhan?ma=           the receipt with the tracking code
 *   GET  /dich-vu-cong/tra-cuu                 the tracking form
 *   POST /dich-vu-cong/tra-cuu                 tracking code + citizen ID -> what the citizen may see
 * Rate limits and the signed CSRF cookie are applied by the caller (app.ts, citizen-limits.ts).
 */
import { Router } from 'express';
import { trackingJson } from '../api/citizen-json';
import { badRequest } from '../http/errors';
import type { PublicCsrf } from '../http/public-csrf';
import {
  applicationFromFields,
  KIND_NAMES,
  trackingFromFields,
  type KindName,
} from '../forms/citizen-input';
import { readCitizenUpload, type UploadedFile } from '../forms/citizen-upload';
import type { OnlineApplicationGateway } from '../gateways/online-application-gateway';
import { query } from '../views/html';
import { applicationFormPage, landingPage, receiptPage } from '../views/citizen-pages';
import { blankForm, PORTAL, type CitizenFormState } from '../views/citizen-parts';
import { trackPage } from '../views/citizen-track-pages';
import { sendPage } from './page-context';
import {
  ATTACHMENT_LIMITS,
  citizenContext,
  citizenRefusal,
  postedFields,
  publicFormBody,
  trackingCodeParam,
} from './citizen-support';

/** The optional hint of the application form: category codes and names in force. */
export interface CategoryHints {
  list(kind: KindName): Promise<{ code: string; name: string }[]>;
}

export interface CitizenPortalDeps {
  applications: OnlineApplicationGateway;
  csrf: PublicCsrf;
  categories: CategoryHints;
}

function kindOf(value: unknown): KindName {
  return KIND_NAMES.includes(value as KindName) ? (value as KindName) : 'monthly_allowance';
}

/** The attachments as the service takes them. */
export function attachmentUploads(files: readonly UploadedFile[]) {
  if (files.length === 0)
    throw badRequest('attachments', `attach 1 to ${ATTACHMENT_LIMITS.maxFiles} files`);
  return files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, content: f.content }));
}

export function citizenPortalRoutes(deps: CitizenPortalDeps): Router {
  const router = Router();

  const formPage = async (
    ctx: ReturnType<typeof citizenContext>,
    kind: KindName,
    form: CitizenFormState,
  ): Promise<string> =>
    applicationFormPage(ctx, {
      kind,
      form,
      categories: await deps.categories.list(kind),
      maxFiles: ATTACHMENT_LIMITS.maxFiles,
      maxFileMib: ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024),
    });

  router.get(PORTAL, (req, res) => {
    sendPage(res, 200, landingPage(citizenContext(req, res, deps.csrf)));
  });

  router.get(`${PORTAL}/nop-ho-so`, async (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    sendPage(res, 200, await formPage(ctx, kindOf(req.query['thu_tuc']), blankForm()));
  });

  router.post(`${PORTAL}/nop-ho-so`, async (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    let fields: Record<string, string> = {};
    try {
      const upload = await readCitizenUpload(req, ATTACHMENT_LIMITS, (before) => {
        fields = before;
        deps.csrf.check(req, before['_csrf']);
      });
      fields = upload.fields;
      const input = applicationFromFields(upload.fields);
      const answer = await deps.applications.submit(
        { ...input, attachments: attachmentUploads(upload.files), sourceAddress: req.ip ?? '' },
        req.ip,
      );
      res.redirect(303, `${PORTAL}/bien-nhan${query({ ma: answer.trackingCode })}`);
    } catch (err) {
      const refusal = citizenRefusal(ctx, err, fields);
      sendPage(res, refusal.status, await formPage(ctx, kindOf(fields['kind']), refusal.form));
    }
  });

  router.get(`${PORTAL}/bien-nhan`, (req, res) => {
    const code = trackingCodeParam(req);
    if (code === '') return res.redirect(303, PORTAL);
    const ctx = citizenContext(req, res, deps.csrf);
    sendPage(
      res,
      200,
      receiptPage(ctx, 'cz.receiptHeading', 'cz.receiptIntro', code, `${PORTAL}/tra-cuu`),
    );
  });

  router.get(`${PORTAL}/tra-cuu`, (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    sendPage(
      res,
      200,
      trackPage(ctx, {
        heading: 'cz.trackHeading',
        action: `${PORTAL}/tra-cuu`,
        form: blankForm(),
      }),
    );
  });

  router.post(`${PORTAL}/tra-cuu`, publicFormBody, async (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    const fields = postedFields(req);
    const view = { heading: 'cz.trackHeading' as const, action: `${PORTAL}/tra-cuu` };
    try {
      deps.csrf.check(req, fields['_csrf']);
      const { trackingCode, citizenId } = trackingFromFields(fields);
      const found = await deps.applications.track(trackingCode, citizenId, req.ip);
      sendPage(
        res,
        200,
        trackPage(ctx, { ...view, form: blankForm(), application: trackingJson(found) }),
      );
    } catch (err) {
      const refusal = citizenRefusal(ctx, err, fields);
      sendPage(res, refusal.status, trackPage(ctx, { ...view, form: refusal.form }));
    }
  });

  return router;
}
