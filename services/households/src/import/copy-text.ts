/** COPY ... FROM STDIN in PostgreSQL's text format, fed row by row with back-pressure. */
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined | readonly string[];

function escape(v: string): string {
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One line of COPY text. */
export function copyLine(values: readonly CopyValue[]): string {
  return (
    values
      .map((v) => {
        if (v === null || v === undefined) return '\\N';
        if (typeof v === 'string') return escape(v);
        if (typeof v === 'object') return escape(arrayLiteral(v));
        return String(v);
      })
      .join('\t') + '\n'
  );
}

/** Bytea in COPY text: the hex form, with its backslash escaped. */
export function byteaText(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes).toString('hex')}`;
}

/** Copies the lines into `table (columns)` on the client. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 1 << 16) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
      chunk = '';
    }
  }
  if (chunk !== '') stream.write(chunk);
  stream.end();
  await done;
}
