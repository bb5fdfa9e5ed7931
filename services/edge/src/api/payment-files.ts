/**
 * How payment files travel to the browser: the media type a file's name stands for (the CSV and
 * XLSX of a payroll, the checksum list, its signature, the reports and templates), and a file the
 * service answers in one message (report, template) as a FileAnswer.
 */
import { FileAnswer } from './file-answer';
import { XLSX_TYPE } from './import-json';

export function mediaTypeOf(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.txt')) return 'text/plain; charset=utf-8';
  if (name.endsWith('.pem')) return 'application/x-pem-file';
  return 'application/octet-stream';
}

/** A file answered whole by a unary call; the service's name wins over `fallbackName`. */
export async function oneFile(
  answer: Promise<{ fileName: string; content: Uint8Array }>,
  fallbackName: string,
): Promise<FileAnswer> {
  const file = await answer;
  const name = file.fileName || fallbackName;
  async function* pieces() {
    yield { fileName: name, data: file.content };
  }
  return FileAnswer.open(mediaTypeOf(name), pieces(), name);
}
