import { Metadata, status } from '@grpc/grpc-js';
import {
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnavailableError,
  fromStatus,
  statusName,
  toStatus,
} from './errors';

describe('toStatus / fromStatus', () => {
  it('keeps the field and reason of an invalid argument both ways', () => {
    const st = toStatus(new InvalidArgumentError('members[0].dateOfBirth', 'must be in the past'));
    expect(st).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'members[0].dateOfBirth: must be in the past',
      unexpected: false,
    });
    const back = fromStatus(st);
    expect(back).toBeInstanceOf(InvalidArgumentError);
    expect(back).toMatchObject({ field: 'members[0].dateOfBirth', reason: 'must be in the past' });
  });

  it('falls back to parsing details when the trailers are missing', () => {
    const back = fromStatus({
      code: status.INVALID_ARGUMENT,
      details: 'size: too big',
      metadata: new Metadata(),
    });
    expect(back).toMatchObject({ field: 'size', reason: 'too big' });
  });

  it('turns anything that is not a DomainError into a generic INTERNAL', () => {
    expect(toStatus(new Error('select * from households failed'))).toMatchObject({
      code: status.INTERNAL,
      details: 'internal error',
      unexpected: true,
    });
    expect(toStatus('a string')).toMatchObject({ code: status.INTERNAL, unexpected: true });
    expect(toStatus(new InternalError())).toMatchObject({
      code: status.INTERNAL,
      unexpected: false,
    });
  });

  it('maps received codes to their classes, others to InternalError keeping the code', () => {
    expect(fromStatus({ code: status.NOT_FOUND, details: 'case not found' })).toBeInstanceOf(
      NotFoundError,
    );
    expect(fromStatus({ code: status.PERMISSION_DENIED, details: 'no' })).toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(fromStatus({ code: status.UNAVAILABLE, details: 'down' })).toBeInstanceOf(
      UnavailableError,
    );
    const other = fromStatus({ code: status.DATA_LOSS, details: 'secret detail' });
    expect(other).toBeInstanceOf(InternalError);
    expect(other.code).toBe(status.DATA_LOSS);
    expect(other.message).toBe('internal error');
  });

  it('names status codes for metric labels', () => {
    expect(statusName(status.OK)).toBe('OK');
    expect(statusName(status.FAILED_PRECONDITION)).toBe('FAILED_PRECONDITION');
  });
});
