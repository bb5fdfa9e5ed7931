/**
 * Streaming CSV reader (RFC 4180: comma separated, double-quoted fields, "" inside quotes,
 * CRLF or LF), UTF-8 with or without BOM. For keyed rows the first line holds the column
 * keys. Memory holds one line at a time.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { cellsByKey, isBlank, keysOfHeader, type ColumnSet, type KeyedRow } from './keyed-rows';
import { UnreadableFileError } from './unreadable-file';

/**
 * A file path, or the bytes of a file: as they arrive (an upload, a readable stream) or
 * already in memory (an array of buffers).
 */
export type ByteSource =
  string | AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array>;

/** UTF-8 text chunks of a source; a character split across two chunks stays whole. */
async function* textChunks(source: ByteSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    for await (const chunk of createReadStream(source, {
      encoding: 'utf8',
      highWaterMark: 1 << 16,
    }))
      yield chunk as string;
    return;
  }
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk));
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** Raw records of a CSV file, with the line number where each starts. */
export async function* csvRecords(
  source: ByteSource,
): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  let first = true;
  for await (const chunk of textChunks(source)) {
    let text = chunk;
    if (first && text !== '') {
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

/** Data rows of a CSV file keyed by the column keys of its first line; blank rows skipped. */
export async function* csvRows(source: ByteSource, columns: ColumnSet): AsyncGenerator<KeyedRow> {
  let keys: (string | null)[] | undefined;
  for await (const { line, fields } of csvRecords(source)) {
    if (keys === undefined) {
      keys = keysOfHeader(fields, columns);
      continue;
    }
    if (isBlank(fields)) continue;
    yield { rowNo: line, cells: cellsByKey(keys, fields) };
  }
  if (keys === undefined) throw new UnreadableFileError('the file is empty');
}
