/**
 * Files of the payment pages (the payments service decides every call):
 *   GET  /payrolls/:id/files/:fileName          one payment file (CSV, XLSX, checksums, signature)
 *   GET  /payment-signing-key                    the public key that verifies the signatures (PEM)
 *   GET  /payrolls/:id/result-template           the result-file template of the payroll
 *   POST /payrolls/:id/results                   the agent's result file (multipart; CSRF checked
 *                                                before the file is passed on), then the payroll
 *   GET  /payment-result-imports/:id/report      the validation report of an import
 */
import { Router } from 'express';
import { FileAnswer } from '../api/file-answer';
import { mediaTypeOf, oneFile } from '../api/payment-files';
import { resultImportJson } from '../api/payment-reconciliation-json';
import { callerOf } from '../http/auth';
import { EdgeError, toHttpError } from '../http/errors';
import { PAYMENT_PAGE_ROLES } from '../http/payment-roles';
import { requireRole } from '../http/page-roles';
import { idParam } from '../forms/household-params';
import { readMultipartUpload } from '../forms/multipart-upload';
import { paymentFileNameOf, resultFileNameOf, resultImportModeOf } from '../forms/payment-input';
import { pageContext } from './page-context';
import { renderPayroll } from './payment-detail';
import { paymentFormRefusal, payrollIdOf, type PaymentRouteDeps } from './payment-support';
import { requireSignIn } from './require-sign-in';

/** The form's name of a field the service named (`chunk`, `file_name` → `file`). */
function formField(field: string): string {
  return field === 'chunk' || field === 'file_name' || field === 'fileName' ? 'file' : field;
}

export function paymentFileRoutes(deps: PaymentRouteDeps): Router {
  const router = Router();
  const guard = [requireSignIn, requireRole(...PAYMENT_PAGE_ROLES)];
  router.use('/payrolls', ...guard);
  router.use(['/payment-signing-key', '/payment-result-imports'], ...guard);

  router.get('/payrolls/:id/files/:fileName', async (req, res) => {
    const name = paymentFileNameOf(String(req.params['fileName'] ?? ''));
    const file = await FileAnswer.open(
      mediaTypeOf(name),
      deps.payments.downloadPaymentFile(callerOf(req), payrollIdOf(req), name),
      name,
    );
    await file.send(res);
  });

  router.get('/payment-signing-key', async (req, res) => {
    const key = await deps.payments.getSigningKey(callerOf(req));
    const file = await oneFile(
      Promise.resolve({
        fileName: `posa-payments-${key.keyId.slice(0, 16)}.pem`,
        content: Buffer.from(key.publicKeyPem, 'utf8'),
      }),
      'posa-payments.pem',
    );
    await file.send(res);
  });

  router.get('/payrolls/:id/result-template', async (req, res) => {
    const file = await oneFile(
      deps.payments.getResultTemplate(callerOf(req), payrollIdOf(req)),
      'mau-ket-qua-chi-tra.xlsx',
    );
    await file.send(res);
  });

  router.get('/payment-result-imports/:id/report', async (req, res) => {
    const file = await oneFile(
      deps.payments.getResultImportReport(callerOf(req), idParam(req.params['id'], 'import_id')),
      'bao-cao-ket-qua-chi-tra.xlsx',
    );
    await file.send(res);
  });

  router.post('/payrolls/:id/results', async (req, res) => {
    const payrollId = payrollIdOf(req);
    const upload = await readMultipartUpload(req);
    req.body = upload.fields;
    if (!deps.csrf.isRequestValid(req)) {
      upload.file.resume();
      throw deps.csrf.invalidCsrfTokenError;
    }
    try {
      const meta = {
        payrollId,
        fileName: resultFileNameOf(upload.fileName, 'file'),
        mode: resultImportModeOf(upload.fields['mode'] ?? ''),
      };
      const answer = await deps.payments.importResults(
        callerOf(req),
        meta,
        upload.file,
        deps.uploadLimits,
      );
      req.session.paymentImport = { payrollId, result: resultImportJson(answer) };
      res.redirect(303, `/payrolls/${payrollId}`);
    } catch (err) {
      upload.file.resume();
      const e = toHttpError(err);
      const mapped =
        e.field === undefined
          ? err
          : new EdgeError(e.status, e.code, e.message, formField(e.field));
      const refused = paymentFormRefusal(pageContext(req, deps.csrf), mapped, ['file', 'mode']);
      if (refused === undefined) throw err;
      await renderPayroll(deps, req, res, refused.status, {
        action: 'upload_results',
        values: {},
        form: refused.form,
      });
    }
  });

  return router;
}
