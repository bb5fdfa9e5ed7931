/**
 * Streaming CSV reader (RFC 4180: comma separated, double-quoted fields, "" inside quotes,
 * CRLF or LF), UTF-8 with or without BOM. The first line holds the column keys. Memory
 * holds one line at a time.
 */
import { createReadStream } from 'node:fs';
import { COLUMN_KEYS } from './columns';
import { cellsByKey, isBlank, keysOfHeader, type FileRow, UnreadableFileError } from './file-rows';

/** Raw records of a CSV file, with the line number where each starts. */
export async function* csvRecords(
  file: string,
): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    let text = chunk as string;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (c === '\n') {
        fields.push(field.endsWith('\r') && !afterQuote ? field.slice(0, -1) : field);
        yield { line: start, fields };
        fields = [];
        field = '';
        afterQuote = false;
        line++;
        start = line;
      } else if (c === '\r' && afterQuote) {
        // CR after a closing quote: the LF follows
      } else {
        field += c;
        afterQuote = false;
      }
    }
  }
  if (quoted) throw new UnreadableFileError(`line ${start}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield { line: start, fields };
  }
}

/** Data rows of a CSV import file keyed by column. */
export async function* csvRows(file: string): AsyncGenerator<FileRow> {
  let keys: (string | null)[] | undefined;
  for await (const { line, fields } of csvRecords(file)) {
    if (keys === undefined) {
      keys = keysOfHeader(fields, COLUMN_KEYS);
      continue;
    }
    if (isBlank(fields)) continue;
    yield { rowNo: line, cells: cellsByKey(keys, fields) };
  }
  if (keys === undefined) throw new UnreadableFileError('the file is empty');
}
