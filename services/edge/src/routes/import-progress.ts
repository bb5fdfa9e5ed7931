/**
 * Finding the job of an upload still being imported: UploadImport answers only when the
 * import has finished, but the job is recorded (status running) once the whole file has
 * arrived. The page then shows that job (refreshing itself) instead of keeping the
 * browser waiting. The file's SHA-256, commune and start time identify it.
 */
import type { ImportJob } from '@posa/proto';
import { ImportStatus } from '@posa/proto';
import type { ImportGateway } from '../gateways/import-gateway';
import type { Caller } from '../gateways/unit-gateway';

const POLL_MS = 500;

/** The running job of the file, or undefined once `finished()` (the answer came first). */
export async function waitForRunningJob(
  imports: ImportGateway,
  caller: Caller,
  communeCode: string,
  sha256: string,
  startedAt: number,
  finished: () => boolean,
): Promise<ImportJob | undefined> {
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (finished()) return undefined;
    let jobs: ImportJob[];
    try {
      const found = await imports.listImports(caller, {
        unitCode: communeCode,
        page: { pageSize: 20, pageToken: '' },
      });
      jobs = found.jobs;
    } catch {
      continue; // the answer of the upload itself will tell
    }
    const job = jobs.find(
      (j) =>
        j.fileSha256 === sha256 &&
        j.status === ImportStatus.IMPORT_STATUS_RUNNING &&
        (j.createdAt?.getTime() ?? 0) >= startedAt - 1000,
    );
    if (job !== undefined) return job;
  }
}
