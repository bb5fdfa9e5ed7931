/** A raw grpc-js client of HouseholdImportService for the import tests (client streaming). */
import { PassThrough } from 'node:stream';
import { credentials, Metadata } from '@grpc/grpc-js';
import {
  HouseholdImportServiceClient,
  ImportMode,
  type ImportJob,
  type UploadImportResponse,
} from '@posa/proto';
import { writeVillageWorkbook, type VillageFile } from '../src/import/template-xlsx';

export function importClient(port: number): HouseholdImportServiceClient {
  return new HouseholdImportServiceClient(`127.0.0.1:${port}`, credentials.createInsecure());
}

function md(headers: Record<string, string>): Metadata {
  const m = new Metadata();
  for (const [k, v] of Object.entries(headers)) m.set(k, v);
  return m;
}

export interface UploadOptions {
  fileName: string;
  communeCode: string;
  villageCode?: string;
  formType?: string;
  mode?: ImportMode;
}

/** Uploads the bytes in 16 KiB chunks. */
export function upload(
  client: HouseholdImportServiceClient,
  auth: Record<string, string>,
  bytes: Buffer,
  o: UploadOptions,
): Promise<UploadImportResponse> {
  return new Promise((resolve, reject) => {
    const call = client.uploadImport(md(auth), { deadline: Date.now() + 60_000 }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    call.write({
      metadata: {
        fileName: o.fileName,
        communeCode: o.communeCode,
        villageCode: o.villageCode ?? '',
        formType: o.formType ?? 'C',
        mode: o.mode ?? ImportMode.IMPORT_MODE_UNSPECIFIED,
      },
    });
    for (let i = 0; i < bytes.length; i += 16384)
      call.write({ chunk: bytes.subarray(i, i + 16384) });
    call.end();
  });
}

export async function job(
  client: HouseholdImportServiceClient,
  auth: Record<string, string>,
  id: string,
): Promise<ImportJob> {
  return new Promise((resolve, reject) =>
    client.getImport({ id }, md(auth), (err, res) => (err ? reject(err) : resolve(res.job!))),
  );
}

export async function download(
  client: HouseholdImportServiceClient,
  auth: Record<string, string>,
  id: string,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of client.downloadImportReport({ id }, md(auth))) {
    parts.push((chunk as { data: Buffer }).data);
  }
  return Buffer.concat(parts);
}

/** A village file written with the template writer. */
export async function villageFile(f: VillageFile): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  await writeVillageWorkbook(out, f);
  return Buffer.concat(parts);
}
