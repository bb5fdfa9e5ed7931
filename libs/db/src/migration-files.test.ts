import {
  MigrationError,
  checksumOf,
  orderMigrations,
  parseMigrationFileName,
  planMigrations,
  type AppliedMigration,
  type MigrationFile,
} from './migration-files';

const source = (fileName: string, sql = `SELECT '${fileName}';`) => ({ fileName, sql });

function expectMigrationError(fn: () => unknown, fileName: string, text: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(MigrationError);
  expect((caught as MigrationError).fileName).toBe(fileName);
  expect((caught as MigrationError).message).toMatch(text);
  expect((caught as MigrationError).message).toContain(fileName);
}

function applied(file: MigrationFile): AppliedMigration {
  return { version: file.version, name: file.name, checksum: file.checksum };
}

describe('parseMigrationFileName', () => {
  it('reads version and name', () => {
    expect(parseMigrationFileName('0001_outbox_inbox.sql')).toEqual({
      version: 1,
      name: 'outbox_inbox',
    });
    expect(parseMigrationFileName('0120_add-units.sql')).toEqual({
      version: 120,
      name: 'add-units',
    });
  });

  it.each([
    '1_x.sql',
    '00001_x.sql',
    '0001-x.sql',
    '0001_.sql',
    '0001_X.sql',
    'abcd_x.sql',
    '0001_x.SQL',
  ])('rejects %s', (fileName) => {
    expectMigrationError(() => parseMigrationFileName(fileName), fileName, /NNNN_name\.sql/);
  });

  it('rejects version 0000', () => {
    expectMigrationError(
      () => parseMigrationFileName('0000_init.sql'),
      '0000_init.sql',
      /starts at 0001/,
    );
  });
});

describe('checksumOf', () => {
  it('is sha256 hex and ignores CRLF versus LF', () => {
    expect(checksumOf('SELECT 1;\n')).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumOf('SELECT 1;\r\nSELECT 2;\r\n')).toBe(checksumOf('SELECT 1;\nSELECT 2;\n'));
  });

  it('changes when the SQL changes', () => {
    expect(checksumOf('SELECT 1;')).not.toBe(checksumOf('SELECT 2;'));
  });
});

describe('orderMigrations', () => {
  it('orders by number and ignores files that are not .sql', () => {
    const files = orderMigrations([
      source('0002_b.sql'),
      source('README.md', ''),
      source('0001_a.sql'),
    ]);
    expect(files.map((f) => f.fileName)).toEqual(['0001_a.sql', '0002_b.sql']);
    expect(files[0]?.checksum).toBe(checksumOf("SELECT '0001_a.sql';"));
  });

  it('rejects a duplicate number naming both files', () => {
    expectMigrationError(
      () => orderMigrations([source('0001_a.sql'), source('0002_b.sql'), source('0002_c.sql')]),
      '0002_c.sql',
      /0002_b\.sql and 0002_c\.sql have the same number/,
    );
  });

  it('rejects a gap naming the file after it', () => {
    expectMigrationError(
      () => orderMigrations([source('0001_a.sql'), source('0003_c.sql')]),
      '0003_c.sql',
      /gap/,
    );
  });

  it('rejects numbering that does not start at 0001', () => {
    expectMigrationError(
      () => orderMigrations([source('0002_b.sql')]),
      '0002_b.sql',
      /expected number 0001/,
    );
  });

  it('rejects an empty file', () => {
    expectMigrationError(
      () => orderMigrations([source('0001_a.sql', ' \n')]),
      '0001_a.sql',
      /empty/,
    );
  });

  it('rejects a badly named .sql file', () => {
    expectMigrationError(() => orderMigrations([source('init.sql')]), 'init.sql', /NNNN_name/);
  });

  it('accepts an empty directory', () => {
    expect(orderMigrations([])).toEqual([]);
  });
});

describe('planMigrations', () => {
  const files = orderMigrations([source('0001_a.sql'), source('0002_b.sql'), source('0003_c.sql')]);
  const [first, second, third] = files as [MigrationFile, MigrationFile, MigrationFile];

  it('returns every file for a fresh database', () => {
    expect(planMigrations(files, [])).toEqual(files);
  });

  it('returns only the files not applied yet', () => {
    expect(planMigrations(files, [applied(first), applied(second)])).toEqual([third]);
    expect(planMigrations(files, files.map(applied))).toEqual([]);
  });

  it('rejects a file changed after it was applied', () => {
    const drifted = { ...applied(second), checksum: checksumOf('SELECT 42;') };
    expectMigrationError(
      () => planMigrations(files, [applied(first), drifted]),
      '0002_b.sql',
      /changed after/,
    );
  });

  it('rejects an applied migration whose file is gone', () => {
    const gone: AppliedMigration = { version: 4, name: 'd', checksum: checksumOf('x') };
    expectMigrationError(
      () => planMigrations(files, [...files.map(applied), gone]),
      '0004_d.sql',
      /missing/,
    );
  });

  it('rejects a renamed file', () => {
    const renamed = { ...applied(first), name: 'old_name' };
    expectMigrationError(
      () => planMigrations(files, [renamed]),
      '0001_a.sql',
      /0001_old_name\.sql \(renamed\)/,
    );
  });

  it('rejects a new file numbered below an applied one', () => {
    expectMigrationError(
      () => planMigrations(files, [applied(first), applied(third)]),
      '0002_b.sql',
      /below/,
    );
  });
});
