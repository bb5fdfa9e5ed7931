/** SQL of online attachments: metadata apart from the bytes, so lists never read the bytes. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Queryable } from '../store/policy-store';
import type { AttachmentRow } from './online-record';

const COLUMNS = `id, application_id, position, file_name, media_type, size_bytes, sha256,
  scan_status, scanner`;

interface SqlRow {
  id: string;
  application_id: string;
  position: number;
  file_name: string;
  media_type: AttachmentRow['mediaType'];
  size_bytes: number;
  sha256: string;
  scan_status: AttachmentRow['scanStatus'];
  scanner: string;
}

const rowOf = (r: SqlRow): AttachmentRow => ({
  id: r.id,
  applicationId: r.application_id,
  position: r.position,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  scanStatus: r.scan_status,
  scanner: r.scanner,
});

export async function insertAttachment(
  client: pg.PoolClient,
  a: AttachmentRow,
  content: Buffer,
): Promise<void> {
  await client.query(
    `INSERT INTO online_attachment (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.applicationId,
      a.position,
      a.fileName,
      a.mediaType,
      a.sizeBytes,
      a.sha256,
      a.scanStatus,
      a.scanner,
    ],
  );
  await client.query(
    'INSERT INTO online_attachment_content (attachment_id, content) VALUES ($1, $2)',
    [a.id, content],
  );
}

/** The attachments of each application, in submission order. */
export async function loadAttachments(
  db: Queryable,
  applicationIds: readonly string[],
): Promise<Map<string, AttachmentRow[]>> {
  const byApplication = new Map<string, AttachmentRow[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return byApplication;
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM online_attachment
      WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, position`,
    [applicationIds],
  );
  for (const r of rows) byApplication.get(r.application_id)?.push(rowOf(r));
  return byApplication;
}

/** One attachment of the application with its bytes, or undefined. */
export async function loadAttachmentWithContent(
  db: Queryable,
  applicationId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentRow; content: Buffer } | undefined> {
  const { rows } = await db.query<SqlRow & { content: Buffer }>(
    `SELECT a.id, a.application_id, a.position, a.file_name, a.media_type, a.size_bytes,
            a.sha256, a.scan_status, a.scanner, c.content
       FROM online_attachment a JOIN online_attachment_content c ON c.attachment_id = a.id
      WHERE a.application_id = $1 AND a.id = $2`,
    [applicationId, attachmentId],
  );
  const r = rows[0];
  return r === undefined ? undefined : { attachment: rowOf(r), content: r.content };
}

/** The rows of files that passed the scan, in submission order. */
export function attachmentsToStore(
  applicationId: string,
  files: ReadonlyArray<
    Omit<AttachmentRow, 'id' | 'applicationId' | 'position' | 'scanStatus' | 'scanner'>
  >,
  scanner: string,
): AttachmentRow[] {
  return files.map((f, position) => ({
    id: randomUUID(),
    applicationId,
    position,
    fileName: f.fileName,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    scanStatus: 'clean',
    scanner,
  }));
}
