/** SQL of payment files: the payroll and its lines as files need them, the stored files. */
import type pg from 'pg';
import type { FileLine, FilePayroll } from './file-line';
import type { MadeFile } from './payment-file-set';

type Queryable = pg.Pool | pg.PoolClient;

export interface PayrollForFiles extends FilePayroll {
  provinceCode: string;
  status: 'draft' | 'approved' | 'closed';
}

/** A whole number of đồng read from bigint text; anything else is a broken invariant. */
export function vnd(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${text} is outside the safe range`);
  return n;
}

export async function findPayrollForFiles(
  db: Queryable,
  id: string,
): Promise<PayrollForFiles | undefined> {
  const res = await db.query<{
    id: string;
    commune_code: string;
    province_code: string;
    month: string;
    status: PayrollForFiles['status'];
    lines: number;
    total_vnd: string;
  }>(
    `SELECT id, commune_code, province_code, to_char(month, 'YYYY-MM') AS month, status, lines,
            total_vnd::text AS total_vnd
       FROM payroll WHERE id = $1`,
    [id],
  );
  const r = res.rows[0];
  if (r === undefined) return undefined;
  return {
    id: r.id,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    month: r.month,
    status: r.status,
    lines: r.lines,
    totalVnd: vnd(r.total_vnd),
  };
}

/** Every line of the payroll by channel, in case-code order, with the months it settles. */
export async function linesByChannel(
  db: Queryable,
  payrollId: string,
): Promise<Map<string, FileLine[]>> {
  const res = await db.query<{
    channel: string;
    case_code: string;
    full_name: string;
    citizen_id: string;
    bank_code: string;
    account_number: string;
    total_vnd: string;
    months: string[];
  }>(
    `SELECT l.channel, l.case_code, l.full_name, l.citizen_id, l.bank_code, l.account_number,
            l.total_vnd::text AS total_vnd,
            array(SELECT DISTINCT to_char(i.for_month, 'YYYY-MM') FROM payroll_item i
                   WHERE i.line_id = l.id ORDER BY 1) AS months
       FROM payroll_line l
      WHERE l.payroll_id = $1
      ORDER BY l.channel, l.case_code, l.id`,
    [payrollId],
  );
  const out = new Map<string, FileLine[]>();
  for (const r of res.rows) {
    const list = out.get(r.channel) ?? [];
    list.push({
      caseCode: r.case_code,
      fullName: r.full_name,
      citizenId: r.citizen_id,
      bankCode: r.bank_code,
      accountNumber: r.account_number,
      months: r.months,
      totalVnd: vnd(r.total_vnd),
    });
    out.set(r.channel, list);
  }
  return out;
}

export type StoredFile = Omit<MadeFile, 'content' | 'keyId'>;

const FILE_COLUMNS = `file_name AS "fileName", channel, format, media_type AS "mediaType",
  size_bytes AS "sizeBytes", sha256, lines, total_vnd::text AS "totalVnd"`;

type StoredRow = Omit<StoredFile, 'totalVnd'> & { totalVnd: string };
const storedOf = (r: StoredRow): StoredFile => ({ ...r, totalVnd: vnd(r.totalVnd) });

export async function storedFiles(db: Queryable, payrollId: string): Promise<StoredFile[]> {
  const res = await db.query<StoredRow>(
    `SELECT ${FILE_COLUMNS} FROM payment_file WHERE payroll_id = $1 ORDER BY position`,
    [payrollId],
  );
  return res.rows.map(storedOf);
}

/** The checksum file with its bytes (signed on download). */
export async function storedChecksums(
  db: Queryable,
  payrollId: string,
): Promise<MadeFile | undefined> {
  const res = await db.query<StoredRow & { content: Buffer }>(
    `SELECT ${FILE_COLUMNS}, content FROM payment_file
      WHERE payroll_id = $1 AND format = 'checksums'`,
    [payrollId],
  );
  const r = res.rows[0];
  return r === undefined ? undefined : { ...storedOf(r), content: r.content, keyId: '' };
}

/** Serialises the making of one payroll's files (transaction-scoped). */
export async function lockPayrollFiles(client: pg.PoolClient, payrollId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('payment_file'), hashtext($1))`, [
    payrollId,
  ]);
}

export async function insertFiles(
  client: pg.PoolClient,
  payrollId: string,
  files: readonly MadeFile[],
  madeAt: Date,
): Promise<void> {
  for (const [position, f] of files.entries()) {
    await client.query(
      `INSERT INTO payment_file (payroll_id, file_name, channel, format, media_type, size_bytes,
         sha256, lines, total_vnd, content, position, made_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        payrollId,
        f.fileName,
        f.channel,
        f.format,
        f.mediaType,
        f.sizeBytes,
        f.sha256,
        f.lines,
        f.totalVnd,
        f.content,
        position,
        madeAt,
      ],
    );
  }
}

/** `length` bytes of a stored file from `offset` (0-based); empty past the end. */
export async function fileChunk(
  db: Queryable,
  payrollId: string,
  fileName: string,
  offset: number,
  length: number,
): Promise<Buffer> {
  const res = await db.query<{ chunk: Buffer }>(
    `SELECT substring(content FROM $3::int + 1 FOR $4::int) AS chunk
       FROM payment_file WHERE payroll_id = $1 AND file_name = $2`,
    [payrollId, fileName, offset, length],
  );
  return res.rows[0]?.chunk ?? Buffer.alloc(0);
}
