import * as grpc from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  DeadlineExceededError,
  FailedPreconditionError,
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
} from './errors';
import { EchoClient, EchoService } from './echo-service.fixture';
import { startEchoHarness } from './echo-server.fixture';
import type { EchoHarness } from './echo-server.fixture';
import { deferred } from './test-support.fixture';

let h: EchoHarness;
beforeAll(async () => {
  h = await startEchoHarness();
});
afterAll(() => h.close());

describe('unary calls through createGrpcServer and createGrpcClient', () => {
  it('returns the response and passes interceptor values to the handler', async () => {
    await expect(
      h.client.call('say', { text: 'hi' }, { metadata: { 'x-unit': '01' } }),
    ).resolves.toEqual({ text: 'hi@01' });
    await expect(h.client.call('say', { text: 'plain' })).resolves.toEqual({ text: 'plain' });
  });

  it('rejects the call with the status an interceptor throws, without running the handler', async () => {
    const before = h.invocations.get('say') ?? 0;
    const err = await h.client
      .call('say', { text: 'x' }, { metadata: { 'x-reject': '1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect((err as Error).message).toBe('no access to Say');
    expect(h.invocations.get('say') ?? 0).toBe(before);
  });

  it.each([
    [
      'invalid',
      InvalidArgumentError,
      grpc.status.INVALID_ARGUMENT,
      'household.size: must be at least 1',
    ],
    ['notfound', NotFoundError, grpc.status.NOT_FOUND, 'household not found'],
    ['exists', AlreadyExistsError, grpc.status.ALREADY_EXISTS, 'household already registered'],
    ['denied', PermissionDeniedError, grpc.status.PERMISSION_DENIED, 'outside your jurisdiction'],
    ['precondition', FailedPreconditionError, grpc.status.FAILED_PRECONDITION, 'case is closed'],
    ['unauth', UnauthenticatedError, grpc.status.UNAUTHENTICATED, 'token expired'],
  ])(
    'maps %s to its status and back to the same error class',
    async (kind, ErrorClass, code, message) => {
      const err = await h.client.call('fail', { text: kind }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ErrorClass);
      expect((err as InvalidArgumentError).code).toBe(code);
      expect((err as Error).message).toBe(message);
      if (err instanceof InvalidArgumentError) {
        expect(err.field).toBe('household.size');
        expect(err.reason).toBe('must be at least 1');
      }
    },
  );

  it('carries a Vietnamese reason and field through the trailers intact', async () => {
    const err = await h.client.call('fail', { text: 'invalid-vi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).field).toBe('hoTen');
    expect((err as InvalidArgumentError).reason).toBe('không được để trống');
    expect((err as Error).message).toBe('hoTen: không được để trống');
  });

  it('sends INVALID_ARGUMENT with the field in trailers to a plain grpc-js client', async () => {
    const raw = new EchoClient(h.address, grpc.credentials.createInsecure());
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      raw.makeUnaryRequest(
        EchoService.fail.path,
        EchoService.fail.requestSerialize,
        EchoService.fail.responseDeserialize,
        { text: 'invalid' },
        (e) => resolve(e!),
      );
    });
    raw.close();
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toBe('household.size: must be at least 1');
    expect(err.metadata.get('posa-field')).toEqual(['household.size']);
  });

  it('hides unexpected errors behind INTERNAL and logs them with their stack', async () => {
    const err = await h.client.call('fail', { text: 'bug' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalError);
    expect((err as InternalError).code).toBe(grpc.status.INTERNAL);
    expect((err as Error).message).toBe('internal error');
    expect(JSON.stringify(err)).not.toContain('connection reset');
    const line = h.log.lines.find((l) => l.msg === 'grpc call failed' && l.grpc_method === 'Fail');
    expect(line).toMatchObject({ level: 'error', grpc_code: 'INTERNAL' });
    expect(String((line?.err as { stack?: string }).stack)).toContain('db said');
  });

  it('fails with DeadlineExceededError when the deadline passes, and aborts the handler signal', async () => {
    h.slowAborted.current = deferred<string>();
    const err = await h.client
      .call('slow', { text: 'wait' }, { deadlineMs: 50 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    await expect(h.slowAborted.current.promise).resolves.toBe('aborted');
  });
});
