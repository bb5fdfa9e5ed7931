import * as fs from 'node:fs';
import { infraEnvFile } from './paths';

/** Variables from .posa/infra/env (written by scripts/infra/up.sh); empty when absent. */
export function readInfraEnvFile(file: string = infraEnvFile): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}
