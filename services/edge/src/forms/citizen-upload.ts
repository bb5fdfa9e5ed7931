/**
 * Reads the citizen's application form (multipart/form-data) with its attachments (giấy tờ
 * kèm theo): 1 to `maxFiles` files, each at most `maxFileBytes`, PDF, JPEG or PNG by their
 * own bytes. Limits hold while the body streams in: a declared body larger than all files
 * together is refused before reading, a file is dropped the moment it passes its limit, and
 * the CSRF check (`beforeFiles`) runs on the fields before the first file byte is kept. The
 * form therefore puts its text fields first and the files last.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { badRequest, EdgeError } from '../http/errors';

export interface CitizenUploadLimits {
  maxFiles: number;
  maxFileBytes: number;
}

export interface UploadedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface CitizenUpload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export const ATTACHMENT_FIELD = 'attachments';
/** Room for the text fields and the multipart framing around the files. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/** The media type the bytes show: PDF, JPEG or PNG, else undefined. */
export function sniffMediaType(head: Buffer): string | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  return undefined;
}

export function fileTooLarge(index: number, maxFileBytes: number): EdgeError {
  const mib = Math.floor(maxFileBytes / (1024 * 1024));
  return new EdgeError(
    413,
    'PAYLOAD_TOO_LARGE',
    `attachment ${index + 1} is larger than ${mib} MiB`,
    ATTACHMENT_FIELD,
  );
}

export function readCitizenUpload(
  req: Request,
  limits: CitizenUploadLimits,
  beforeFiles: (fields: Record<string, string>) => void,
): Promise<CitizenUpload> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limits.maxFiles * limits.maxFileBytes + FORM_OVERHEAD_BYTES) {
      req.resume();
      reject(
        new EdgeError(413, 'PAYLOAD_TOO_LARGE', 'the attachments are too large', ATTACHMENT_FIELD),
      );
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: limits.maxFiles,
          fileSize: limits.maxFileBytes,
          fields: 40,
          fieldSize: 16 * 1024,
          parts: limits.maxFiles + 40,
        },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(badRequest('body', 'send the form as multipart/form-data'));
      return;
    }
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let checked = false;
    let failed = false;
    let pending = 0;
    let closed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    const check = (): boolean => {
      if (checked) return true;
      checked = true;
      try {
        beforeFiles(fields);
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    };
    const finish = (): void => {
      if (failed || !closed || pending > 0) return;
      if (check()) resolve({ fields, files });
    };
    parser.on('field', (name, value) => {
      if (!checked) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const fileName = (info.filename ?? '').split(/[\\/]/).pop() ?? '';
      if (failed || name !== ATTACHMENT_FIELD || fileName === '' || !check()) {
        stream.resume();
        return;
      }
      const index = files.length + pending;
      const chunks: Buffer[] = [];
      pending += 1;
      stream.on('data', (chunk: Buffer) => {
        if (!failed) chunks.push(chunk);
      });
      stream.on('limit', () => fail(fileTooLarge(index, limits.maxFileBytes)));
      stream.on('end', () => {
        pending -= 1;
        if (failed) return;
        const content = Buffer.concat(chunks);
        const mediaType = sniffMediaType(content);
        if (mediaType === undefined) {
          fail(badRequest(ATTACHMENT_FIELD, `attachment ${index + 1} is not a PDF, JPEG or PNG`));
          return;
        }
        files.push({ fileName: fileName.slice(0, 200), mediaType, content });
        finish();
      });
    });
    parser.on('filesLimit', () =>
      fail(badRequest(ATTACHMENT_FIELD, `attach at most ${limits.maxFiles} files`)),
    );
    parser.on('fieldsLimit', () => fail(badRequest('body', 'the form has too many fields')));
    parser.on('partsLimit', () => fail(badRequest('body', 'the form has too many parts')));
    parser.on('error', () => fail(badRequest('body', 'the form could not be read')));
    parser.on('close', () => {
      closed = true;
      finish();
    });
    req.pipe(parser);
  });
}
