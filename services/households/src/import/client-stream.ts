/**
 * A client-streaming grpc-js handler around a promise-style one: the same interceptors,
 * error-to-status mapping and call log line as the platform's unary wrapper.
 */
import { status, type handleClientStreamingCall, type ServerReadableStream } from '@grpc/grpc-js';
import {
  CallContext,
  runInterceptors,
  statusName,
  toStatus,
  type MethodInfo,
  type ServerSurfaceCall,
  type WrapDeps,
} from '@posa/platform';

export type ClientStreamHandler<Req, Res> = (
  messages: AsyncIterable<Req>,
  ctx: CallContext,
) => Promise<Res>;

export function wrapClientStream<Req, Res>(
  handler: ClientStreamHandler<Req, Res>,
  info: MethodInfo,
  deps: WrapDeps,
): handleClientStreamingCall<Req, Res> {
  return (call: ServerReadableStream<Req, Res>, callback) => {
    const start = performance.now();
    const ctx = new CallContext(call as unknown as ServerSurfaceCall, info);
    const log = (code: number, err?: unknown): void => {
      const fields = {
        grpc_service: info.service,
        grpc_method: info.method,
        grpc_code: statusName(code),
        duration_ms: Math.round(performance.now() - start),
      };
      if (err !== undefined) deps.logger.error({ ...fields, err }, 'grpc call failed');
      else if (code !== status.OK) deps.logger.info(fields, 'grpc call');
      else deps.logger.debug(fields, 'grpc call');
    };
    const run = async (): Promise<Res> => {
      if (deps.interceptors.length > 0) await runInterceptors(ctx, deps.interceptors);
      return handler(call as AsyncIterable<Req>, ctx);
    };
    run().then(
      (res) => {
        callback(null, res);
        log(status.OK);
      },
      (err: unknown) => {
        const st = toStatus(err);
        callback({ code: st.code, details: st.details, metadata: st.metadata });
        log(st.code, st.unexpected ? err : undefined);
      },
    );
  };
}
