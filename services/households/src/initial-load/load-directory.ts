/**
 * The files of an initial load from a directory: every `<commune code>.csv` or
 * `<commune code>-<anything>.csv` (the commune code has 5 digits). Any other file in the
 * directory is refused by name, so nothing is silently left out.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InitialLoadRefusedError, type InitialLoadFile } from './initial-load';

const FILE_NAME = /^([0-9]{5})(?:-[^/]*)?\.csv$/i;

export async function filesOfDirectory(dir: string): Promise<InitialLoadFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new InitialLoadRefusedError('dir', `${dir} cannot be read`);
  }
  const files: InitialLoadFile[] = [];
  for (const name of entries.sort()) {
    const m = FILE_NAME.exec(name);
    if (m === null)
      throw new InitialLoadRefusedError(
        `files[${name}]`,
        'is not named <commune code>.csv or <commune code>-<name>.csv',
      );
    files.push({ communeCode: m[1]!, path: path.join(dir, name) });
  }
  return files;
}
