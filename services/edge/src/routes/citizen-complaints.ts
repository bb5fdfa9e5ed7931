/**
 * Public complaint pages (phản ánh, kiến nghị về dữ liệu), no sign-in:
 *   GET  /dich-vu-cong/phan-anh                 the complaint form
 *   POST /dich-vu-cong/phan-anh                 FileComplaint (service account), then the receipt
 *   GET  /dich-vu-cong/phan-anh/bien-nhan?ma=   the receipt with the tracking code
 *   GET  /dich-vu-cong/phan-anh/tra-cuu         the tracking form
 *   POST /dich-vu-cong/phan-anh/tra-cuu         status and answer
 */
import { Router } from 'express';
import { complaintTrackingJson } from '../api/citizen-json';
import type { PublicCsrf } from '../http/public-csrf';
import { complaintFromFields, trackingFromFields } from '../forms/citizen-input';
import type { ComplaintGateway } from '../gateways/complaint-gateway';
import { query } from '../views/html';
import { receiptPage } from '../views/citizen-pages';
import { complaintFormPage } from '../views/citizen-complaint-page';
import { blankForm, PORTAL } from '../views/citizen-parts';
import { trackPage } from '../views/citizen-track-pages';
import { sendPage } from './page-context';
import {
  citizenContext,
  citizenRefusal,
  postedFields,
  publicFormBody,
  trackingCodeParam,
} from './citizen-support';

export function citizenComplaintRoutes(deps: {
  complaints: ComplaintGateway;
  csrf: PublicCsrf;
}): Router {
  const router = Router();
  const base = `${PORTAL}/phan-anh`;
  const trackView = { heading: 'cz.complaintTrackHeading' as const, action: `${base}/tra-cuu` };

  router.get(base, (req, res) => {
    sendPage(res, 200, complaintFormPage(citizenContext(req, res, deps.csrf), blankForm()));
  });

  router.post(base, publicFormBody, async (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    const fields = postedFields(req);
    try {
      deps.csrf.check(req, fields['_csrf']);
      const answer = await deps.complaints.fileForCitizen(
        { ...complaintFromFields(fields), subjectId: '', sourceAddress: req.ip ?? '' },
        req.ip,
      );
      const code = answer.complaint?.trackingCode ?? '';
      res.redirect(303, `${base}/bien-nhan${query({ ma: code })}`);
    } catch (err) {
      const refusal = citizenRefusal(ctx, err, fields);
      sendPage(res, refusal.status, complaintFormPage(ctx, refusal.form));
    }
  });

  router.get(`${base}/bien-nhan`, (req, res) => {
    const code = trackingCodeParam(req);
    if (code === '') return res.redirect(303, base);
    const ctx = citizenContext(req, res, deps.csrf);
    sendPage(
      res,
      200,
      receiptPage(ctx, 'cz.complaintReceipt', 'cz.complaintReceiptIntro', code, `${base}/tra-cuu`),
    );
  });

  router.get(`${base}/tra-cuu`, (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    sendPage(res, 200, trackPage(ctx, { ...trackView, form: blankForm() }));
  });

  router.post(`${base}/tra-cuu`, publicFormBody, async (req, res) => {
    const ctx = citizenContext(req, res, deps.csrf);
    const fields = postedFields(req);
    try {
      deps.csrf.check(req, fields['_csrf']);
      const { trackingCode, citizenId } = trackingFromFields(fields);
      const found = await deps.complaints.track(trackingCode, citizenId, req.ip);
      sendPage(
        res,
        200,
        trackPage(ctx, {
          ...trackView,
          form: blankForm(),
          complaint: complaintTrackingJson(found),
        }),
      );
    } catch (err) {
      const refusal = citizenRefusal(ctx, err, fields);
      sendPage(res, refusal.status, trackPage(ctx, { ...trackView, form: refusal.form }));
    }
  });

  return router;
}
