/**
 * createGrpcServer: a grpc-js server for the given services with the platform's wrapper
 * around every handler (interceptors, metrics, call log, error mapping), the standard
 * health service (grpc.health.v1) and, in development only, server reflection.
 *
 *   const server = createGrpcServer({
 *     services: [service(CaseServiceService, caseHandlers)],
 *     port: config.GRPC_PORT, logger, metrics, interceptors: [auth],
 *   });
 *   const port = await server.start();
 *   onShutdown('grpc', () => server.stop(10_000), ShutdownOrder.drainGrpc);
 *
 * Handlers are promise-style (see handlers.ts), not grpc-js callback handlers. Unary and
 * server-streaming methods are supported; client-streaming and bidirectional are refused.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger, LogLevel } from '../logger';
import { splitPath } from '../metrics';
import type { Metrics } from '../metrics';
import type { ServerInterceptor } from './context';
import { wrapClientStream, wrapServerStream, wrapUnary } from './handlers';
import type {
  ClientStreamHandler,
  ServerStreamHandler,
  ServiceHandlers,
  UnaryHandler,
  WrapDeps,
} from './handlers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyServiceDefinition = Record<string, grpc.MethodDefinition<any, any>>;
type AnyHandler =
  UnaryHandler<any, any> | ServerStreamHandler<any, any> | ClientStreamHandler<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A service definition with its implementation; build it with `service()` for type checking. */
export interface ServiceRegistration {
  readonly definition: AnyServiceDefinition;
  readonly implementation: Readonly<Record<string, AnyHandler>>;
}

/** Pairs a definition with handlers typed from it (request/response types checked). */
export function service<S extends AnyServiceDefinition>(
  definition: S,
  implementation: ServiceHandlers<S>,
): ServiceRegistration {
  return { definition, implementation: implementation as unknown as Record<string, AnyHandler> };
}

export interface GrpcServerOptions {
  services: readonly ServiceRegistration[];
  port: number;
  /** Default 0.0.0.0; tests use 127.0.0.1. */
  host?: string;
  logger: Logger;
  metrics?: Metrics;
  /** Run in order before each handler; see context.ts. */
  interceptors?: readonly ServerInterceptor[];
  /**
   * Level of the per-call log line for OK calls (default debug: at the usual info level
   * only failed calls are logged; counts and latencies of all calls are in the metrics).
   * Calls ending with a caller-side status (NOT_FOUND, INVALID_ARGUMENT, ...) are logged
   * at info, UNAVAILABLE/DEADLINE_EXCEEDED/RESOURCE_EXHAUSTED at warn, bugs at error.
   */
  callLogLevel?: LogLevel;
  /** Serve grpc.reflection (v1 and v1alpha) built from protoFiles. Development only. */
  reflection?: boolean;
  protoFiles?: readonly string[];
  protoIncludeDirs?: readonly string[];
  /** Wait this long between health NOT_SERVING and closing listeners, so probes see it (default 0). */
  drainDelayMs?: number;
  credentials?: grpc.ServerCredentials;
  serverOptions?: grpc.ServerOptions;
}

export interface StopResult {
  /** True when in-flight calls outlived the grace period and were cancelled. */
  forced: boolean;
}

export interface GrpcServer {
  readonly server: grpc.Server;
  readonly health: HealthImplementation;
  /** Full names of the application services (health is reported for each and for ""). */
  readonly serviceNames: readonly string[];
  /** Binds, marks every service SERVING and returns the bound port. */
  start(): Promise<number>;
  /** Health NOT_SERVING, then tryShutdown; forceShutdown when graceMs (default 10000) passes. */
  stop(graceMs?: number): Promise<StopResult>;
  /** Reports SERVING or NOT_SERVING for every service and for "". */
  setServing(serving: boolean): void;
}

function buildImplementation(
  reg: ServiceRegistration,
  deps: Omit<WrapDeps, 'metrics'>,
  metrics?: Metrics,
): {
  name: string;
  impl: grpc.UntypedServiceImplementation;
} {
  const impl: grpc.UntypedServiceImplementation = {};
  let name = '';
  for (const [key, def] of Object.entries(reg.definition)) {
    const info = { path: def.path, ...splitPath(def.path) };
    name = info.service;
    const handler = reg.implementation[key];
    if (typeof handler !== 'function')
      throw new Error(`${def.path}: no handler given for method "${key}"`);
    if (def.requestStream && def.responseStream)
      throw new Error(`${def.path}: bidirectional streaming methods are not supported`);
    const type = def.requestStream
      ? 'client_stream'
      : def.responseStream
        ? 'server_stream'
        : 'unary';
    const wrapDeps: WrapDeps = {
      ...deps,
      metrics: metrics?.grpcServerMethod(type, info.service, info.method),
    };
    if (type === 'client_stream')
      impl[key] = wrapClientStream(
        handler as ClientStreamHandler<unknown, unknown>,
        info,
        wrapDeps,
      );
    else if (type === 'server_stream')
      impl[key] = wrapServerStream(
        handler as ServerStreamHandler<unknown, unknown>,
        info,
        wrapDeps,
      );
    else impl[key] = wrapUnary(handler as UnaryHandler<unknown, unknown>, info, wrapDeps);
  }
  if (name === '') throw new Error('a service definition has no methods');
  return { name, impl };
}

function addReflection(server: grpc.Server, options: GrpcServerOptions): void {
  if (!options.protoFiles || options.protoFiles.length === 0) {
    throw new Error('reflection needs protoFiles (the .proto files of the served services)');
  }
  const pkg = protoLoader.loadSync([...options.protoFiles], {
    includeDirs: options.protoIncludeDirs ? [...options.protoIncludeDirs] : undefined,
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  new ReflectionService(pkg).addToServer(server);
}

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const server = new grpc.Server(options.serverOptions);
  const deps = {
    logger: options.logger,
    interceptors: options.interceptors ?? [],
    callLogLevel: options.callLogLevel ?? 'debug',
  };
  const serviceNames: string[] = [];
  for (const reg of options.services) {
    const { name, impl } = buildImplementation(reg, deps, options.metrics);
    server.addService(reg.definition, impl);
    serviceNames.push(name);
  }
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  const setServing = (serving: boolean): void => {
    const value = serving ? 'SERVING' : 'NOT_SERVING';
    for (const name of ['', ...serviceNames]) health.setStatus(name, value);
  };
  setServing(false);
  health.addToServer(server);
  if (options.reflection) addReflection(server, options);

  let stopping: Promise<StopResult> | undefined;

  const start = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const address = `${options.host ?? '0.0.0.0'}:${options.port}`;
      server.bindAsync(
        address,
        options.credentials ?? grpc.ServerCredentials.createInsecure(),
        (err, port) => {
          if (err) {
            reject(new Error(`gRPC server could not bind ${address}: ${err.message}`));
            return;
          }
          setServing(true);
          options.logger.info({ port, services: serviceNames }, 'grpc server listening');
          resolve(port);
        },
      );
    });

  const stop = (graceMs = 10_000): Promise<StopResult> => {
    stopping ??= (async () => {
      setServing(false);
      if (options.drainDelayMs) await new Promise((r) => setTimeout(r, options.drainDelayMs));
      const result = await new Promise<StopResult>((resolve) => {
        const timer = setTimeout(() => {
          options.logger.warn(
            { grace_ms: graceMs },
            'grpc calls still running after grace period; cancelling them',
          );
          server.forceShutdown();
          resolve({ forced: true });
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve({ forced: false });
        });
      });
      options.logger.info({ forced: result.forced }, 'grpc server stopped');
      return result;
    })();
    return stopping;
  };

  return { server, health, serviceNames, start, stop, setServing };
}
