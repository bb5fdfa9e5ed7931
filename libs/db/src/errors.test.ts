import {
  CheckViolation,
  ForeignKeyViolation,
  SerializationFailure,
  UniqueViolation,
  isRetryableTransactionError,
  mapPgError,
} from './errors';

function pgError(code: string, extra: Record<string, string> = {}): Error {
  return Object.assign(new Error('server message'), { code, ...extra });
}

describe('mapPgError', () => {
  it('maps a unique violation with its constraint and no row values', () => {
    const mapped = mapPgError(
      pgError('23505', {
        constraint: 'accounts_email_key',
        table: 'accounts',
        detail: 'Key (email)=(a@b.c) already exists.',
      }),
    );
    expect(mapped).toBeInstanceOf(UniqueViolation);
    expect((mapped as UniqueViolation).constraint).toBe('accounts_email_key');
    expect((mapped as Error).message).toBe(
      'unique constraint "accounts_email_key" on accounts violated',
    );
    expect(JSON.stringify(mapped)).not.toContain('a@b.c');
  });

  it('maps foreign key, check and serialization errors', () => {
    expect(mapPgError(pgError('23503', { constraint: 'fk' }))).toBeInstanceOf(ForeignKeyViolation);
    expect(mapPgError(pgError('23514', { constraint: 'ck' }))).toBeInstanceOf(CheckViolation);
    expect(mapPgError(pgError('40001'))).toBeInstanceOf(SerializationFailure);
    expect(mapPgError(pgError('40P01'))).toBeInstanceOf(SerializationFailure);
  });

  it('returns other errors unchanged', () => {
    const syntax = pgError('42601');
    const plain = new Error('boom');
    expect(mapPgError(syntax)).toBe(syntax);
    expect(mapPgError(plain)).toBe(plain);
    expect(mapPgError('text')).toBe('text');
  });

  it('knows which errors a transaction retry can fix', () => {
    expect(isRetryableTransactionError(pgError('40001'))).toBe(true);
    expect(isRetryableTransactionError(pgError('40P01'))).toBe(true);
    expect(isRetryableTransactionError(pgError('23505'))).toBe(false);
    expect(isRetryableTransactionError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(
      false,
    );
  });
});
