/**
 * Reads the four reference files of the catalogue (streamed line by line) and validates
 * every row with the rules of src/domain. Nothing is written here.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { CatalogueError, type RowProblem } from '../domain/catalogue-problem';
import { checkHeader, CsvSyntaxError, parseCsvLine } from '../domain/csv';
import {
  coverageProblems,
  MERGER_COLUMNS,
  parseMergerRow,
  parseProvinceMergerRow,
  PROVINCE_MERGER_COLUMNS,
  type MergerRecord,
  type ProvinceMergerRecord,
} from '../domain/merger-rows';
import type { StructureId } from '../domain/structures';
import {
  assembleStructure,
  parseUnitRow,
  UNIT_COLUMNS,
  type UnitRecord,
  type UnitRow,
} from '../domain/unit-rows';

/** The files, by role. Their names are part of the load ledger. */
export const CATALOGUE_FILES = {
  units2024: 'units-2024.csv',
  units2025: 'units-2025.csv',
  merger: 'merger-2025.csv',
  provinces: 'merger-2025-provinces.csv',
} as const;

/** The data directory shipped with the service (resolves from src/ and dist/). */
export const DEFAULT_CATALOGUE_DIR = path.join(__dirname, '..', '..', 'data');

export interface FileDigest {
  fileName: string;
  sha256: string;
}

export interface Catalogue {
  units: UnitRecord[];
  mergers: MergerRecord[];
  provinceMergers: ProvinceMergerRecord[];
  rowCounts: Record<string, number>;
}

/** sha256 of each file, in CATALOGUE_FILES order. */
export async function digestFiles(directory: string): Promise<FileDigest[]> {
  return Promise.all(
    Object.values(CATALOGUE_FILES).map(async (fileName) => {
      const hash = createHash('sha256');
      await pipeline(createReadStream(path.join(directory, fileName)), hash);
      return { fileName, sha256: hash.digest('hex') };
    }),
  );
}

/** Streams the data rows of a CSV file after checking its header. */
async function readRows(
  directory: string,
  fileName: string,
  columns: readonly string[],
  onRow: (line: number, fields: string[]) => void,
  problems: RowProblem[],
): Promise<number> {
  const lines = createInterface({
    input: createReadStream(path.join(directory, fileName), { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.includes('\r')) {
      problems.push({ file: fileName, line, field: '(row)', reason: 'line ends must be \\n' });
      continue;
    }
    let fields: string[];
    try {
      fields = parseCsvLine(text);
    } catch (err) {
      if (!(err instanceof CsvSyntaxError)) throw err;
      problems.push({ file: fileName, line, field: `(column ${err.column})`, reason: err.message });
      continue;
    }
    if (line === 1) {
      const issue =
        text.charCodeAt(0) === 0xfeff
          ? 'file must not start with a BOM'
          : checkHeader(fields, columns);
      if (issue) {
        problems.push({ file: fileName, line, field: '(header)', reason: issue });
        break;
      }
      continue;
    }
    onRow(line, fields);
  }
  return Math.max(0, line - 1);
}

async function readUnits(
  directory: string,
  structure: StructureId,
  problems: RowProblem[],
): Promise<UnitRecord[]> {
  const fileName = structure === '2024' ? CATALOGUE_FILES.units2024 : CATALOGUE_FILES.units2025;
  const rows: UnitRow[] = [];
  await readRows(
    directory,
    fileName,
    UNIT_COLUMNS[structure],
    (line, fields) => {
      const result = parseUnitRow(structure, fileName, line, fields);
      if ('row' in result) rows.push(result.row);
      else problems.push(...result.problems);
    },
    problems,
  );
  const assembled = assembleStructure(structure, fileName, rows);
  problems.push(...assembled.problems);
  return assembled.records;
}

/** Reads and validates all four files; throws CatalogueError listing the problems. */
export async function readCatalogue(directory: string): Promise<Catalogue> {
  const problems: RowProblem[] = [];
  const units2024 = await readUnits(directory, '2024', problems);
  const units2025 = await readUnits(directory, '2025', problems);
  const old = new Map(units2024.map((u) => [u.code, u]));
  const current = new Map(units2025.map((u) => [u.code, u]));

  const mergers: MergerRecord[] = [];
  await readRows(
    directory,
    CATALOGUE_FILES.merger,
    MERGER_COLUMNS,
    (line, fields) => {
      const result = parseMergerRow(CATALOGUE_FILES.merger, line, fields, old, current);
      if ('record' in result) mergers.push(result.record);
      else problems.push(...result.problems);
    },
    problems,
  );

  const provinceMergers: ProvinceMergerRecord[] = [];
  await readRows(
    directory,
    CATALOGUE_FILES.provinces,
    PROVINCE_MERGER_COLUMNS,
    (line, fields) => {
      const result = parseProvinceMergerRow(CATALOGUE_FILES.provinces, line, fields, old, current);
      if ('record' in result) provinceMergers.push(result.record);
      else problems.push(...result.problems);
    },
    problems,
  );

  if (problems.length === 0) {
    problems.push(
      ...coverageProblems(units2024, mergers, provinceMergers, {
        merger: CATALOGUE_FILES.merger,
        provinces: CATALOGUE_FILES.provinces,
      }),
    );
  }
  if (problems.length > 0)
    throw new CatalogueError(`the catalogue files in ${directory} do not validate`, problems);
  return {
    units: [...units2024, ...units2025],
    mergers,
    provinceMergers,
    rowCounts: {
      [CATALOGUE_FILES.units2024]: units2024.length,
      [CATALOGUE_FILES.units2025]: units2025.length,
      [CATALOGUE_FILES.merger]: mergers.length,
      [CATALOGUE_FILES.provinces]: provinceMergers.length,
    },
  };
}
