import { status } from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  DeadlineExceededError,
  FailedPreconditionError,
  fromStatus,
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  UnavailableError,
} from '@posa/platform';
import { badRequest, errorBody, toHttpError } from './errors';

describe('toHttpError', () => {
  it.each([
    [new PermissionDeniedError('unit 01 is outside your jurisdiction'), 403, 'PERMISSION_DENIED'],
    [new NotFoundError('unit 99 does not exist'), 404, 'NOT_FOUND'],
    [new AlreadyExistsError('village exists'), 409, 'ALREADY_EXISTS'],
    [new FailedPreconditionError('all numbers used'), 409, 'FAILED_PRECONDITION'],
    [new UnauthenticatedError('token expired'), 401, 'UNAUTHENTICATED'],
    [new UnavailableError('connection refused'), 503, 'UNAVAILABLE'],
    [new DeadlineExceededError('deadline'), 503, 'DEADLINE_EXCEEDED'],
  ])('maps %p to HTTP %i', (err, httpStatus, code) => {
    expect(toHttpError(err)).toEqual({ status: httpStatus, code, message: err.message });
  });

  it('keeps the field and reason of INVALID_ARGUMENT', () => {
    expect(toHttpError(new InvalidArgumentError('name', 'must not be empty'))).toEqual({
      status: 400,
      code: 'INVALID_ARGUMENT',
      field: 'name',
      message: 'must not be empty',
    });
  });

  it('reads statuses received from a server the same way', () => {
    const received = fromStatus({ code: status.PERMISSION_DENIED, details: 'not your commune' });
    expect(toHttpError(received)).toMatchObject({ status: 403, message: 'not your commune' });
  });

  it('never passes on the cause of internal or unknown failures', () => {
    for (const err of [new Error('password=hunter2'), new InternalError(), 'text', undefined]) {
      expect(toHttpError(err)).toEqual({
        status: 500,
        code: 'INTERNAL',
        message: 'internal error',
      });
    }
  });

  it('maps CSRF refusals and edge errors', () => {
    expect(
      toHttpError(Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN' })),
    ).toMatchObject({
      status: 403,
      code: 'CSRF_TOKEN_INVALID',
    });
    expect(errorBody(toHttpError(badRequest('asOf', 'must be a date YYYY-MM-DD')))).toEqual({
      error: { code: 'INVALID_ARGUMENT', field: 'asOf', message: 'must be a date YYYY-MM-DD' },
    });
  });
});
