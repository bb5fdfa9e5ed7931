/**
 * A tiny gRPC service for the auth tests (JSON on the wire, no generated code): WhoAmI
 * answers with the caller's unit and roles, Ping is meant to be public.
 */
import * as grpc from '@grpc/grpc-js';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@posa/platform';

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const parse = (b: Buffer): Record<string, unknown> =>
  JSON.parse(b.toString('utf8')) as Record<string, unknown>;
const method = (name: string) =>
  ({
    path: `/posa.test.v1.WhoAmIService/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: json,
    requestDeserialize: parse,
    responseSerialize: json,
    responseDeserialize: parse,
    originalName: name,
  }) as const;

export const WhoAmIService = { whoAmI: method('WhoAmI'), ping: method('Ping') } as const;

export const WhoAmIClient = grpc.makeGenericClientConstructor(
  WhoAmIService,
  'posa.test.v1.WhoAmIService',
) as unknown as {
  new (address: string, credentials: grpc.ChannelCredentials): grpc.Client;
  service: typeof WhoAmIService;
};

/** A logger that drops everything: these tests assert on statuses, not log lines. */
export function silentLogger(): Logger {
  return createLogger({
    service: 'auth-test',
    level: 'error',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });
}
