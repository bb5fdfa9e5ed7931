/**
 * Import pages (nhập phiếu C, C1; read roles as for households, upload for officers of a
 * commune; the service checks every call):
 *   GET  /imports                the unit's imports, newest first (?unit=, keyset paging)
 *   GET  /imports/new            upload form: form C/C1, village, mode, file
 *   POST /imports                multipart upload (CSRF checked before the file is passed on),
 *                                streamed to UploadImport; then the job page
 *   GET  /imports/template?form= the XLSX template of form C or C1
 *   GET  /imports/:id            status, progress and counts (refreshes itself while running)
 *   GET  /imports/:id/report     the validation report (XLSX)
 */
import { Router, type Request } from 'express';
import type { Logger } from '@posa/platform';
import type { ImportJob } from '@posa/proto';
import { FileAnswer } from '../api/file-answer';
import { formTypeOf, importJobJson, importModeOf, XLSX_TYPE } from '../api/import-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { EdgeError, toHttpError } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { idParam, unitCodeParam } from '../forms/household-params';
import { readMultipartUpload } from '../forms/multipart-upload';
import type { ImportGateway, UploadLimits } from '../gateways/import-gateway';
import { emptyForm } from '../views/account-parts';
import { importJobPage, importNewPage, importsPage, type ImportDraft } from '../views/import-pages';
import { formRefusal, queryText } from './household-support';
import { waitForRunningJob } from './import-progress';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface ImportRouteDeps {
  imports: ImportGateway;
  importLimits: UploadLimits;
  csrf: Csrf;
  logger: Logger;
}

interface Outcome {
  /** done: the import has finished; running: its job is recorded and still under way. */
  kind: 'done' | 'running';
  job: ImportJob | undefined;
  repeated: boolean;
}

/** The form's name of a field the service named (`metadata.village_code` → `village_code`). */
function formField(field: string): string {
  if (field === 'chunk' || field === 'metadata.file_name') return 'file';
  return field.replace(/^metadata\./, '');
}

function communeOf(req: Request): string {
  const code = writesHouseholdsOf(principalOfRequest(req));
  if (code === undefined)
    throw new EdgeError(403, 'PERMISSION_DENIED', 'importing needs an officer of a commune');
  return code;
}

export function importRoutes(deps: ImportRouteDeps): Router {
  const router = Router();
  router.use('/imports', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  router.get('/imports', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const unit = queryText(req, 'unit', 5);
    const page = queryText(req, 'page', 2000);
    const writesCommune = writesHouseholdsOf(principalOfRequest(req));
    try {
      const found = await deps.imports.listImports(callerOf(req), {
        unitCode: unitCodeParam(unit),
        page: { pageSize: 50, pageToken: page },
      });
      const jobs = found.jobs.map(importJobJson);
      const next = found.page?.nextPageToken || undefined;
      sendPage(
        res,
        200,
        importsPage(ctx, { unit, page, jobs, nextPageToken: next, writesCommune }),
      );
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      sendPage(res, error.status, importsPage(ctx, { unit, page, jobs: [], writesCommune, error }));
    }
  });

  router.get('/imports/new', (req, res) => {
    const draft: ImportDraft = {
      communeCode: communeOf(req),
      villageCode: '',
      formType: 'C',
      mode: 'all_or_nothing',
    };
    sendPage(
      res,
      200,
      importNewPage(pageContext(req, deps.csrf), draft, emptyForm(), deps.importLimits.maxBytes),
    );
  });

  router.post('/imports', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const communeCode = communeOf(req);
    const upload = await readMultipartUpload(req);
    const f = upload.fields;
    const draft: ImportDraft = {
      communeCode,
      villageCode: (f['village_code'] ?? '').trim().slice(0, 50),
      formType: f['form_type'] ?? 'C',
      mode: f['mode'] ?? 'all_or_nothing',
    };
    req.body = f;
    if (!deps.csrf.isRequestValid(req)) {
      upload.file.resume();
      throw deps.csrf.invalidCsrfTokenError;
    }
    const caller = callerOf(req);
    try {
      const meta = {
        fileName: upload.fileName,
        formType: formTypeOf(draft.formType),
        communeCode,
        villageCode: draft.villageCode,
        mode: importModeOf(draft.mode),
      };
      const startedAt = Date.now();
      const call = deps.imports.upload(caller, meta, upload.file, deps.importLimits);
      let finished = false;
      const done = call.done.then((r): Outcome => {
        finished = true;
        return { kind: 'done', job: r.job, repeated: r.repeated };
      });
      const running = call.sent.then(async (sent): Promise<Outcome> => {
        const job = await waitForRunningJob(
          deps.imports,
          caller,
          communeCode,
          sent.sha256,
          startedAt,
          () => finished,
        );
        return job === undefined ? done : { kind: 'running', job, repeated: false };
      });
      const first = await Promise.race([done, running]);
      if (first.job === undefined) throw new Error('the service answered without the import job');
      if (first.kind === 'running') {
        call.done.then(
          (r) =>
            deps.logger.info({ importId: r.job?.id, status: r.job?.status }, 'import finished'),
          (err: unknown) => deps.logger.warn({ err }, 'import upload failed'),
        );
      }
      req.session.flash = {
        message: first.kind === 'running' ? 'imp.flash.started' : 'imp.flash.done',
        params: { file: upload.fileName },
      };
      res.redirect(303, `/imports/${first.job.id}${first.repeated ? '?repeated=1' : ''}`);
    } catch (err) {
      upload.file.resume();
      const e = toHttpError(err);
      const mapped =
        e.field === undefined
          ? err
          : new EdgeError(e.status, e.code, e.message, formField(e.field));
      const refused = formRefusal(ctx, mapped, (field) =>
        ['form_type', 'village_code', 'mode', 'file'].includes(field),
      );
      if (refused === undefined) throw err;
      sendPage(
        res,
        refused.status,
        importNewPage(ctx, draft, refused.form, deps.importLimits.maxBytes),
      );
    }
  });

  router.get('/imports/template', async (req, res) => {
    const form = formTypeOf(queryText(req, 'form', 2), 'form');
    const file = await FileAnswer.open(
      XLSX_TYPE,
      deps.imports.downloadTemplate(callerOf(req), form),
      `mau-phieu-${form}.xlsx`,
    );
    await file.send(res);
  });

  router.get('/imports/:id', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const found = await deps.imports.getImport(callerOf(req), idParam(req.params['id'], 'id'));
    if (found.job === undefined) throw new Error('the service answered without the import job');
    const flash = req.session.flash;
    delete req.session.flash;
    const repeated = queryText(req, 'repeated', 1) === '1';
    sendPage(
      res,
      200,
      importJobPage(ctx, { job: importJobJson(found.job), repeated, ...(flash ? { flash } : {}) }),
    );
  });

  router.get('/imports/:id/report', async (req, res) => {
    const id = idParam(req.params['id'], 'id');
    const file = await FileAnswer.open(
      XLSX_TYPE,
      deps.imports.downloadReport(callerOf(req), id),
      'bao-cao-nhap.xlsx',
    );
    await file.send(res);
  });

  return router;
}
