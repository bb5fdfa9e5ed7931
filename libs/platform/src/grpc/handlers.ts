/**
 * Handler types and the wrapper put around every handler of createGrpcServer: interceptors,
 * metrics, one log line per call (method, status, duration; never payloads) and mapping
 * of thrown errors to a gRPC status. This is the per-call hot path: keep it lean.
 */
import { status } from '@grpc/grpc-js';
import type {
  MethodDefinition,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  handleClientStreamingCall,
  handleServerStreamingCall,
  handleUnaryCall,
  sendUnaryData,
} from '@grpc/grpc-js';
import type { Logger, LogLevel } from '../logger';
import type { GrpcMethodMetrics } from '../metrics';
import { CallContext, runInterceptors } from './context';
import type { MethodInfo, ServerInterceptor, ServerSurfaceCall } from './context';
import { statusName, toStatus } from './errors';

/** A unary handler: return (or resolve) the response, or throw a DomainError. */
export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res> | Res;

/** A server-streaming handler: yield the responses (an async generator is simplest). */
export type ServerStreamHandler<Req, Res> = (
  request: Req,
  ctx: CallContext,
) => AsyncIterable<Res> | Iterable<Res>;

/**
 * A client-streaming handler: consume the messages (a file upload in chunks), then return
 * the one response. Stopping early (a refused upload) ends the call with that outcome.
 */
export type ClientStreamHandler<Req, Res> = (
  messages: AsyncIterable<Req>,
  ctx: CallContext,
) => Promise<Res>;

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The handler type of one method definition (ts-proto's `as const` definitions give exact types). */
export type HandlerOf<D> =
  D extends MethodDefinition<infer Req, infer Res>
    ? boolean extends D['requestStream']
      ? UnaryHandler<any, any> | ServerStreamHandler<any, any> | ClientStreamHandler<any, any>
      : D extends { requestStream: false; responseStream: false }
        ? UnaryHandler<Req, Res>
        : D extends { requestStream: false; responseStream: true }
          ? ServerStreamHandler<Req, Res>
          : D extends { requestStream: true; responseStream: false }
            ? ClientStreamHandler<Req, Res>
            : never
    : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The implementation of a whole service definition: one handler per method key. */
export type ServiceHandlers<S> = { [K in keyof S]: HandlerOf<S[K]> };

/** What the wrapper needs besides the handler. */
export interface WrapDeps {
  logger: Logger;
  interceptors: readonly ServerInterceptor[];
  /** Level of the per-call line for OK calls. */
  callLogLevel: LogLevel;
  metrics: GrpcMethodMetrics | undefined;
}

/** Codes that are the caller's problem or a normal outcome: logged at info. */
const CALLER_CODES = new Set<number>([
  status.CANCELLED,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.FAILED_PRECONDITION,
  status.UNAUTHENTICATED,
]);

/** Records metrics and writes the per-call log line. */
function finishCall(
  info: MethodInfo,
  deps: WrapDeps,
  start: number,
  code: number,
  err?: unknown,
): void {
  const ms = performance.now() - start;
  deps.metrics?.handled(code, ms / 1000);
  if (code === status.OK && !deps.logger.isLevelEnabled(deps.callLogLevel)) return;
  const fields = {
    grpc_service: info.service,
    grpc_method: info.method,
    grpc_code: statusName(code),
    duration_ms: Math.round(ms * 1000) / 1000,
  };
  if (err !== undefined) deps.logger.error({ ...fields, err }, 'grpc call failed');
  else if (code === status.OK) deps.logger[deps.callLogLevel as 'info'](fields, 'grpc call');
  else if (CALLER_CODES.has(code)) deps.logger.info(fields, 'grpc call');
  else deps.logger.warn(fields, 'grpc call');
}

/** Status of a call the caller abandoned: DEADLINE_EXCEEDED if its deadline passed. */
function abandonedCode(ctx: CallContext): number {
  const deadline = ctx.deadline;
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) && at <= Date.now() ? status.DEADLINE_EXCEEDED : status.CANCELLED;
}

function isThenable<T>(v: unknown): v is PromiseLike<T> {
  return (
    typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function'
  );
}

/** Wraps a promise-style unary handler into a grpc-js one. */
export function wrapUnary<Req, Res>(
  handler: UnaryHandler<Req, Res>,
  info: MethodInfo,
  deps: WrapDeps,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const start = performance.now();
    deps.metrics?.started();
    const ctx = new CallContext(call, info);
    const succeed = (res: Res): void => {
      if (call.cancelled) {
        finishCall(info, deps, start, abandonedCode(ctx));
        return;
      }
      callback(null, res);
      finishCall(info, deps, start, status.OK);
    };
    const fail = (err: unknown): void => {
      const st = toStatus(err);
      const bug = st.unexpected ? err : undefined;
      if (call.cancelled) finishCall(info, deps, start, abandonedCode(ctx), bug);
      else {
        callback({ code: st.code, details: st.details, metadata: st.metadata });
        finishCall(info, deps, start, st.code, bug);
      }
    };
    const invoke = (): void => {
      let out: Promise<Res> | Res;
      try {
        out = handler(call.request, ctx);
      } catch (err) {
        fail(err);
        return;
      }
      if (isThenable<Res>(out)) out.then(succeed, fail);
      else succeed(out);
    };
    if (deps.interceptors.length === 0) invoke();
    else runInterceptors(ctx, deps.interceptors).then(invoke, fail);
  };
}

/** Resolves when the stream can take more data or the call is gone. */
function drained(call: ServerWritableStream<unknown, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.once('drain', done);
    call.once('cancelled', done);
    call.once('close', done);
  });
}

/** Wraps an iterable-returning handler into a grpc-js server-streaming one. */
export function wrapServerStream<Req, Res>(
  handler: ServerStreamHandler<Req, Res>,
  info: MethodInfo,
  deps: WrapDeps,
): handleServerStreamingCall<Req, Res> {
  return (call: ServerWritableStream<Req, Res>) => {
    const start = performance.now();
    deps.metrics?.started();
    const ctx = new CallContext(call, info);
    const run = async (): Promise<void> => {
      if (deps.interceptors.length > 0) await runInterceptors(ctx, deps.interceptors);
      for await (const message of handler(call.request, ctx)) {
        if (call.cancelled) break;
        if (!call.write(message)) await drained(call as ServerWritableStream<unknown, unknown>);
      }
    };
    run().then(
      () => {
        if (call.cancelled) finishCall(info, deps, start, abandonedCode(ctx));
        else {
          call.end();
          finishCall(info, deps, start, status.OK);
        }
      },
      (err: unknown) => {
        const st = toStatus(err);
        const bug = st.unexpected ? err : undefined;
        if (call.cancelled) finishCall(info, deps, start, abandonedCode(ctx), bug);
        else {
          call.emit('error', { code: st.code, details: st.details, metadata: st.metadata });
          finishCall(info, deps, start, st.code, bug);
        }
      },
    );
  };
}

/** Wraps a promise-style client-streaming handler into a grpc-js one. */
export function wrapClientStream<Req, Res>(
  handler: ClientStreamHandler<Req, Res>,
  info: MethodInfo,
  deps: WrapDeps,
): handleClientStreamingCall<Req, Res> {
  return (call: ServerReadableStream<Req, Res>, callback: sendUnaryData<Res>) => {
    const start = performance.now();
    deps.metrics?.started();
    // The same surface (metadata, peer, deadline, cancelled); only its event typings differ.
    const ctx = new CallContext(call as unknown as ServerSurfaceCall, info);
    const run = async (): Promise<Res> => {
      if (deps.interceptors.length > 0) await runInterceptors(ctx, deps.interceptors);
      return handler(call as AsyncIterable<Req>, ctx);
    };
    run().then(
      (res) => {
        if (call.cancelled) finishCall(info, deps, start, abandonedCode(ctx));
        else {
          callback(null, res);
          finishCall(info, deps, start, status.OK);
        }
      },
      (err: unknown) => {
        const st = toStatus(err);
        const bug = st.unexpected ? err : undefined;
        if (call.cancelled) finishCall(info, deps, start, abandonedCode(ctx), bug);
        else {
          callback({ code: st.code, details: st.details, metadata: st.metadata });
          finishCall(info, deps, start, st.code, bug);
        }
      },
    );
  };
}
