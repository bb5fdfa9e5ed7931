/**
 * Pure rules for forward-only SQL migrations: file naming, ordering and checksums, and
 * the comparison of the files on disk with the versions already applied. No I/O here.
 */
import { createHash } from 'node:crypto';

/** A migration file read from disk. */
export interface MigrationSource {
  fileName: string;
  sql: string;
}

/** A validated migration, ready to apply. */
export interface MigrationFile {
  version: number;
  /** The part after `NNNN_`, without `.sql`. */
  name: string;
  fileName: string;
  sql: string;
  /** sha256 hex of the SQL with line endings normalised to LF. */
  checksum: string;
}

/** A row of the tracking table. */
export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/** A migration rule was broken; `fileName` names the file concerned. */
export class MigrationError extends Error {
  readonly fileName: string | undefined;

  constructor(message: string, fileName?: string) {
    super(message);
    this.name = 'MigrationError';
    this.fileName = fileName;
  }
}

const FILE_NAME = /^(\d{4})_([a-z0-9][a-z0-9_-]*)\.sql$/;

/** `0003_add_units.sql` → { version: 3, name: 'add_units' }; throws for any other shape. */
export function parseMigrationFileName(fileName: string): { version: number; name: string } {
  const match = FILE_NAME.exec(fileName);
  if (!match || match[1] === undefined || match[2] === undefined) {
    throw new MigrationError(
      `migration file ${fileName}: name must be NNNN_name.sql (four digits, lower-case letters, digits, _ or -)`,
      fileName,
    );
  }
  const version = Number(match[1]);
  if (version === 0)
    throw new MigrationError(`migration file ${fileName}: numbering starts at 0001`, fileName);
  return { version, name: match[2] };
}

/** The file name a version and name were parsed from. */
export function migrationFileName(version: number, name: string): string {
  return `${String(version).padStart(4, '0')}_${name}.sql`;
}

/** sha256 hex of the SQL; CRLF and LF checkouts of the same file give the same checksum. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** True for directory entries that are migrations; other files (README.md) are ignored. */
export function isMigrationCandidate(fileName: string): boolean {
  return fileName.endsWith('.sql');
}

/**
 * Validates and orders the files of one migration directory: every `.sql` file is well
 * named and not empty, no version appears twice, versions run 1, 2, 3 … without gaps.
 */
export function orderMigrations(sources: MigrationSource[]): MigrationFile[] {
  const files = sources
    .filter((source) => isMigrationCandidate(source.fileName))
    .map((source): MigrationFile => {
      const { version, name } = parseMigrationFileName(source.fileName);
      if (source.sql.trim().length === 0) {
        throw new MigrationError(`migration file ${source.fileName} is empty`, source.fileName);
      }
      return {
        version,
        name,
        fileName: source.fileName,
        sql: source.sql,
        checksum: checksumOf(source.sql),
      };
    })
    .sort((a, b) => a.version - b.version || a.fileName.localeCompare(b.fileName));
  files.forEach((file, index) => {
    const previous = files[index - 1];
    if (previous && previous.version === file.version) {
      throw new MigrationError(
        `migration files ${previous.fileName} and ${file.fileName} have the same number`,
        file.fileName,
      );
    }
    const expected = index + 1;
    if (file.version !== expected) {
      throw new MigrationError(
        `migration file ${file.fileName}: expected number ${String(expected).padStart(4, '0')} (gap in numbering)`,
        file.fileName,
      );
    }
  });
  return files;
}

/**
 * Compares ordered files with the applied rows and returns the files still to apply.
 * Throws when an applied migration's file is missing, renamed or changed, or when a new
 * file is numbered below one already applied.
 */
export function planMigrations(
  files: MigrationFile[],
  applied: AppliedMigration[],
): MigrationFile[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  let highestApplied = 0;
  for (const row of applied) {
    const expectedName = migrationFileName(row.version, row.name);
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        `applied migration ${expectedName} is missing from the directory`,
        expectedName,
      );
    }
    if (file.name !== row.name) {
      throw new MigrationError(
        `migration file ${file.fileName}: version ${row.version} was applied as ${expectedName} (renamed)`,
        file.fileName,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration file ${file.fileName} changed after it was applied (checksum differs); add a new migration instead`,
        file.fileName,
      );
    }
    highestApplied = Math.max(highestApplied, row.version);
  }
  const appliedVersions = new Set(applied.map((row) => row.version));
  const pending = files.filter((file) => !appliedVersions.has(file.version));
  const late = pending.find((file) => file.version < highestApplied);
  if (late) {
    throw new MigrationError(
      `migration file ${late.fileName} is numbered below applied version ${String(highestApplied).padStart(4, '0')}`,
      late.fileName,
    );
  }
  return pending;
}
