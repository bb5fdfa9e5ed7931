/**
 * Reads a multipart form (multipart/form-data) up to its file part, without buffering the
 * file: the fields before the file are collected, then the file comes as a stream to be
 * piped on. The form must put the file last (the CSRF token and choices come first).
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { badRequest } from '../http/errors';

export interface MultipartUpload {
  /** Text fields that came before the file. */
  fields: Record<string, string>;
  /** The file's name as the browser sent it (without any path). */
  fileName: string;
  file: Readable;
}

/** Resolves at the start of the part named `fileField`; 400 naming it when there is none. */
export function readMultipartUpload(req: Request, fileField = 'file'): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fieldSize: 4096, parts: 25 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(badRequest(fileField, 'send the form as multipart/form-data'));
      return;
    }
    const fields: Record<string, string> = {};
    let found = false;
    parser.on('field', (name, value) => {
      if (!found) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const fileName = (info.filename ?? '').split(/[\\/]/).pop() ?? '';
      if (found || name !== fileField || fileName === '') {
        stream.resume();
        return;
      }
      found = true;
      resolve({ fields, fileName, file: stream });
    });
    parser.on('error', () => {
      if (!found) reject(badRequest(fileField, 'the form could not be read'));
    });
    parser.on('close', () => {
      if (!found) reject(badRequest(fileField, 'choose a file to import'));
    });
    req.pipe(parser);
  });
}
