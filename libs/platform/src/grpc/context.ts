/**
 * The per-call context handed to every handler, and the interceptor hook that fills it.
 *
 * An interceptor runs before the handler of every call of the services given to
 * createGrpcServer (not for health or reflection). It sees the metadata and the method,
 * and returns values to add to `ctx.values` (later interceptors override earlier keys) or
 * throws a DomainError (e.g. UnauthenticatedError) to reject the call with its status:
 *
 *   const auth: ServerInterceptor = async ({ metadata }) => {
 *     const token = metadata.get('authorization')[0];
 *     if (typeof token !== 'string') throw new UnauthenticatedError('missing access token');
 *     return { principal: await verifier.verify(token) };
 *   };
 *   // in a handler: const principal = ctx.values.principal as Principal;
 */
import type { Deadline, Metadata, ServerUnaryCall } from '@grpc/grpc-js';

/** The parts of a grpc-js server call common to unary and streaming calls. */
export type ServerSurfaceCall = Omit<ServerUnaryCall<unknown, unknown>, 'request'>;

/** What an interceptor sees of a call. */
export interface InterceptedCall {
  readonly metadata: Metadata;
  /** Full path, e.g. `/posa.cases.v1.CaseService/GetCase`. */
  readonly path: string;
  /** Full service name, e.g. `posa.cases.v1.CaseService`. */
  readonly service: string;
  /** Method name as in the proto, e.g. `GetCase`. */
  readonly method: string;
}

export type ServerInterceptor = (
  call: InterceptedCall,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** Where a call is going: built once per method. */
export interface MethodInfo {
  readonly path: string;
  readonly service: string;
  readonly method: string;
}

export class CallContext implements InterceptedCall {
  /** Values returned by the interceptors (e.g. the caller's principal). */
  values: Readonly<Record<string, unknown>> = EMPTY_VALUES;
  private controller: AbortController | undefined;

  constructor(
    /** The raw grpc-js call, for peer address or response metadata. */
    readonly call: ServerSurfaceCall,
    private readonly info: MethodInfo,
  ) {}

  get metadata(): Metadata {
    return this.call.metadata;
  }
  get path(): string {
    return this.info.path;
  }
  get service(): string {
    return this.info.service;
  }
  get method(): string {
    return this.info.method;
  }
  get deadline(): Deadline {
    return this.call.getDeadline();
  }
  /** True once the caller cancelled or the deadline passed. */
  get cancelled(): boolean {
    return this.call.cancelled;
  }

  /** Aborts when the caller cancels or the deadline passes: pass it to slow work. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      if (this.call.cancelled) controller.abort();
      else this.call.once('cancelled', () => controller.abort());
    }
    return this.controller.signal;
  }
}

const EMPTY_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

/** Runs the interceptors in order and merges what they return into ctx.values. */
export async function runInterceptors(
  ctx: CallContext,
  interceptors: readonly ServerInterceptor[],
): Promise<void> {
  let values: Record<string, unknown> | undefined;
  for (const interceptor of interceptors) {
    const added = await interceptor(ctx);
    if (added) values = { ...values, ...added };
  }
  if (values) ctx.values = Object.freeze(values);
}
