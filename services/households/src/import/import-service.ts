/**
 * HouseholdImportService: UploadImport (client streaming: the file in chunks), the job,
 * the list, and the report and template as streams of file chunks.
 */
import { PassThrough, type Writable } from 'node:stream';
import { isInJurisdiction, principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  NotFoundError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  HouseholdImportServiceService,
  type DownloadImportReportRequest,
  type DownloadImportReportResponse,
  type DownloadImportTemplateRequest,
  type DownloadImportTemplateResponse,
  type GetImportRequest,
  type GetImportResponse,
  type ListImportsRequest,
  type ListImportsResponse,
} from '@posa/proto';
import { assertReadRole } from '../grpc/household-access';
import { findJob, listJobs, type ImportJobRecord, type JobListFilter } from './import-jobs';
import { jobToProto } from './import-mapping';
import { writeReport } from './report-xlsx';
import { writeVillageWorkbook } from './template-xlsx';
import { upload, type ImportDeps } from './upload';
import { pageSizeOf, unitScopeOf } from '../grpc/list-request';

const MAX_PAGE = 100;

/** Bytes a writer produces, as chunks of at most 64 KiB. */
async function* chunksOf(write: (out: Writable) => Promise<void>): AsyncGenerator<Buffer> {
  const out = new PassThrough({ highWaterMark: 1 << 16 });
  const done = write(out).then(
    () => out.end(),
    (err: unknown) => out.destroy(err as Error),
  );
  for await (const chunk of out) yield chunk as Buffer;
  await done;
}

function pageToken(j: ImportJobRecord): string {
  return Buffer.from(`${j.createdAt.toISOString()}|${j.id}`).toString('base64url');
}

function beforeOf(token: string): JobListFilter['before'] {
  if (token === '') return undefined;
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (at === undefined || id === undefined || Number.isNaN(Date.parse(at))) {
    throw new InvalidArgumentError('page.page_token', 'is not a token of this list');
  }
  return { createdAt: new Date(at), id };
}

export function importHandlers(deps: ImportDeps) {
  const { pool, units } = deps;
  const readableJob = async (id: string, ctx: CallContext): Promise<ImportJobRecord> => {
    const principal = principalOf(ctx);
    assertReadRole(principal);
    const job = await findJob(pool, id);
    if (job === undefined || !isInJurisdiction(principal, job.communeCode, units.tree)) {
      throw new NotFoundError(`import ${id} not found`);
    }
    return job;
  };
  return {
    async getImport(request: GetImportRequest, ctx: CallContext): Promise<GetImportResponse> {
      return { job: jobToProto(await readableJob(request.id, ctx)) };
    },

    async listImports(request: ListImportsRequest, ctx: CallContext): Promise<ListImportsResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const filter: JobListFilter = {
        limit: 0,
        before: beforeOf(request.page?.pageToken ?? ''),
        ...unitScopeOf(principal, request.unitCode, units),
      };
      const pageSize = pageSizeOf(request.page?.pageSize ?? 0, 20, MAX_PAGE);
      const rows = await listJobs(pool, { ...filter, limit: pageSize + 1 });
      const page = rows.slice(0, pageSize);
      return {
        jobs: page.map(jobToProto),
        page: { nextPageToken: rows.length > pageSize ? pageToken(page[page.length - 1]!) : '' },
      };
    },

    async *downloadImportReport(
      request: DownloadImportReportRequest,
      ctx: CallContext,
    ): AsyncGenerator<DownloadImportReportResponse> {
      const job = await readableJob(request.id, ctx);
      let fileName = `report-${job.id}.xlsx`;
      for await (const data of chunksOf((out) => writeReport(out, pool, job))) {
        yield { fileName, data };
        fileName = '';
      }
    },

    async *downloadImportTemplate(
      request: DownloadImportTemplateRequest,
      ctx: CallContext,
    ): AsyncGenerator<DownloadImportTemplateResponse> {
      assertReadRole(principalOf(ctx));
      const formType = request.formType === '' ? 'C' : request.formType;
      if (formType !== 'C' && formType !== 'C1')
        throw new InvalidArgumentError('form_type', 'must be C or C1');
      let fileName = `phieu-${formType.toLowerCase()}-template.xlsx`;
      const file = { communeCode: '', villageCode: '', formType } as const;
      for await (const data of chunksOf((out) => writeVillageWorkbook(out, file))) {
        yield { fileName, data };
        fileName = '';
      }
    },
  };
}

/** Adds HouseholdImportService to the server (before it starts). */
export function householdImportService(deps: ImportDeps): ServiceRegistration {
  return service(HouseholdImportServiceService, {
    ...importHandlers(deps),
    uploadImport: (messages, ctx) => upload(deps, messages, ctx),
  });
}
