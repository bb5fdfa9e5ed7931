/**
 * UploadImport: receives the metadata and the file chunks (written to a temporary file
 * while hashed, so memory stays flat), checks the officer's commune, records the job once
 * per file and runs it. The same file for the same commune and village returns the
 * earlier job.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  sourceAddressOf,
  type CallContext,
  type Logger,
} from '@posa/platform';
import type { ImportMetadata, UploadImportRequest, UploadImportResponse } from '@posa/proto';
import { validateText } from '../domain/household-input';
import { assertWriteCommune } from '../grpc/household-access';
import type { Units } from '@posa/units';
import { findEarlierJob, insertJob, type ImportJobRecord } from './import-jobs';
import { jobToProto, modeOf } from './import-mapping';
import { emptyCounts } from './import-file';
import { runImport } from './run-import';

/** Largest file accepted. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

export interface ImportDeps {
  pool: pg.Pool;
  units: Units;
  today: () => string;
  logger: Logger;
}

function checkMetadata(m: ImportMetadata | undefined, units: Units) {
  if (m === undefined) throw new InvalidArgumentError('metadata', 'must be the first message');
  const fileName = validateText(m.fileName, 'metadata.file_name', 255, true);
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv')
    throw new InvalidArgumentError('metadata.file_name', 'must end with .xlsx or .csv');
  const provinceCode = units.provinceOfCommune(m.communeCode);
  if (provinceCode === undefined)
    throw new InvalidArgumentError(
      'metadata.commune_code',
      'is not a commune of the 2025 structure',
    );
  const formType: 'C' | 'C1' | undefined =
    m.formType === '' || m.formType === 'C' ? 'C' : m.formType === 'C1' ? 'C1' : undefined;
  if (formType === undefined)
    throw new InvalidArgumentError('metadata.form_type', 'must be C or C1');
  const mode = modeOf(m.mode);
  if (mode === undefined)
    throw new InvalidArgumentError('metadata.mode', 'must be ALL_OR_NOTHING or VALID_ROWS');
  const villageCode = validateText(m.villageCode, 'metadata.village_code', 50, false);
  return {
    fileName,
    format: ext === '.xlsx' ? ('xlsx' as const) : ('csv' as const),
    provinceCode,
    formType,
    mode,
    villageCode,
    communeCode: m.communeCode,
  };
}

export async function upload(
  deps: ImportDeps,
  messages: AsyncIterable<UploadImportRequest>,
  ctx: CallContext,
): Promise<UploadImportResponse> {
  const principal = principalOf(ctx);
  const dir = await mkdtemp(path.join(tmpdir(), 'posa-import-'));
  try {
    const it = messages[Symbol.asyncIterator]();
    const first = await it.next();
    const meta = checkMetadata(first.done ? undefined : first.value.metadata, deps.units);
    assertWriteCommune(principal, meta.communeCode);
    const file = path.join(dir, 'upload');
    const out = createWriteStream(file);
    const hash = createHash('sha256');
    let size = 0;
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const chunk = next.value.chunk;
      if (chunk === undefined)
        throw new InvalidArgumentError('chunk', 'only the first message carries metadata');
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES)
        throw new InvalidArgumentError(
          'chunk',
          `the file is larger than ${MAX_IMPORT_BYTES} bytes`,
        );
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    if (size === 0) throw new InvalidArgumentError('chunk', 'the file is empty');
    const fileSha256 = hash.digest('hex');
    const key = {
      communeCode: meta.communeCode,
      villageCode: meta.villageCode,
      fileSha256,
      mode: meta.mode,
    };
    const earlier = await findEarlierJob(deps.pool, key);
    if (earlier !== undefined) return { job: jobToProto(earlier), repeated: true };
    const id = randomUUID();
    const job: ImportJobRecord = {
      id,
      fileName: meta.fileName,
      fileSha256,
      fileSize: size,
      fileFormat: meta.format,
      formType: meta.formType,
      communeCode: meta.communeCode,
      provinceCode: meta.provinceCode,
      villageCode: meta.villageCode,
      mode: meta.mode,
      status: 'running',
      ...emptyCounts(),
      failure: '',
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      createdAt: new Date(),
      finishedAt: null,
    };
    if (!(await insertJob(deps.pool, job))) {
      const again = await findEarlierJob(deps.pool, key);
      if (again !== undefined) return { job: jobToProto(again), repeated: true };
    }
    const actor = {
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      sourceAddress: sourceAddressOf(ctx),
      reason: `import ${meta.fileName} (${id})`,
    };
    const done = await runImport(deps.pool, {
      job,
      file,
      actor,
      today: deps.today(),
      logger: deps.logger,
    });
    return { job: jobToProto(done), repeated: false };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
