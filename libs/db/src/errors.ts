/**
 * PostgreSQL errors the domain cares about, as named classes. Handlers map them to gRPC
 * statuses (UniqueViolation → ALREADY_EXISTS, ForeignKeyViolation / CheckViolation →
 * FAILED_PRECONDITION or INVALID_ARGUMENT). Messages name the constraint, never the row
 * values that PostgreSQL puts in `detail` (they can be personal data).
 */

/** SQLSTATE codes used in this library. */
export const PG_CODES = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The fields of a pg DatabaseError this library reads. */
export interface PgErrorLike {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** True for errors raised by the PostgreSQL server (they carry a five-character SQLSTATE). */
export function isPgError(err: unknown): err is Error & PgErrorLike {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The SQLSTATE of a server error, or undefined. */
export function pgErrorCode(err: unknown): string | undefined {
  return isPgError(err) ? err.code : undefined;
}

/** True when retrying the whole transaction may succeed (40001, 40P01). */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = pgErrorCode(err);
  return code === PG_CODES.serializationFailure || code === PG_CODES.deadlockDetected;
}

/** Base class of the mapped errors. */
export class DbConstraintError extends Error {
  readonly code: string;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(name: string, message: string, source: PgErrorLike) {
    super(message);
    this.name = name;
    this.code = source.code;
    this.constraint = source.constraint;
    this.table = source.table;
    this.column = source.column;
  }
}

export class UniqueViolation extends DbConstraintError {
  constructor(source: PgErrorLike) {
    super('UniqueViolation', `unique constraint ${describe(source)} violated`, source);
  }
}

export class ForeignKeyViolation extends DbConstraintError {
  constructor(source: PgErrorLike) {
    super('ForeignKeyViolation', `foreign key ${describe(source)} violated`, source);
  }
}

export class CheckViolation extends DbConstraintError {
  constructor(source: PgErrorLike) {
    super('CheckViolation', `check constraint ${describe(source)} violated`, source);
  }
}

export class NotNullViolation extends DbConstraintError {
  constructor(source: PgErrorLike) {
    const where = source.table
      ? `${source.table}.${source.column ?? '?'}`
      : (source.column ?? 'unknown column');
    super('NotNullViolation', `column ${where} must not be null`, source);
  }
}

/** 40001 or 40P01 after the transaction retries were used up. */
export class SerializationFailure extends DbConstraintError {
  constructor(source: PgErrorLike) {
    super(
      'SerializationFailure',
      `transaction conflicted with a concurrent one (SQLSTATE ${source.code})`,
      source,
    );
  }
}

/**
 * Returns the domain error for a known PostgreSQL error, or the input unchanged.
 * Use at the edge of a store: `catch (err) { throw mapPgError(err); }`.
 */
export function mapPgError(err: unknown): unknown {
  if (!isPgError(err)) return err;
  switch (err.code) {
    case PG_CODES.uniqueViolation:
      return new UniqueViolation(err);
    case PG_CODES.foreignKeyViolation:
      return new ForeignKeyViolation(err);
    case PG_CODES.checkViolation:
      return new CheckViolation(err);
    case PG_CODES.notNullViolation:
      return new NotNullViolation(err);
    case PG_CODES.serializationFailure:
    case PG_CODES.deadlockDetected:
      return new SerializationFailure(err);
    default:
      return err;
  }
}

function describe(source: PgErrorLike): string {
  const name = source.constraint ? `"${source.constraint}"` : '(unnamed)';
  return source.table ? `${name} on ${source.table}` : name;
}
