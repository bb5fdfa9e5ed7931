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
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { serializeError } from '@posa/platform';
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

describe('refusals of the body parser', () => {
  /** Runs express's real form parser over a body and returns what it passed to next(). */
  async function parse(body: string, parameterLimit: number): Promise<unknown> {
    const app = express();
    let caught: unknown;
    app.post('/', express.urlencoded({ extended: false, parameterLimit }), (_req, res) => {
      res.end();
    });
    app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      caught = err;
      res.status(599).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    await new Promise((resolve) => server.close(resolve));
    return caught;
  }

  it('answers 413 for too many fields and logs nothing of the form', async () => {
    const form = 'full_name=Nguy%E1%BB%85n+V%C4%83n+A&citizen_id=001203004567&a=1&b=2';
    const err = await parse(form, 2);
    expect(toHttpError(err)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const logged = JSON.stringify(serializeError(err));
    expect(logged).not.toContain('001203004567');
    expect(logged).not.toContain('full_name');
  });
});
