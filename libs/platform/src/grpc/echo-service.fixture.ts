/**
 * A tiny JSON-encoded service used by the tests and the benchmark: shaped like a ts-proto
 * grpc-js definition (`as const`, typed serializers) but with no generated code.
 */
import * as grpc from '@grpc/grpc-js';
import type { ClientConstructor } from './client';

export interface EchoRequest {
  text: string;
  /** For Count: how many messages to stream. */
  count?: number;
}
export interface EchoResponse {
  text: string;
  n?: number;
}

const encode = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const decodeRequest = (b: Buffer): EchoRequest => JSON.parse(b.toString('utf8')) as EchoRequest;
const decodeResponse = (b: Buffer): EchoResponse => JSON.parse(b.toString('utf8')) as EchoResponse;

function unary(name: string) {
  return {
    path: `/posa.test.v1.EchoService/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (v: EchoRequest): Buffer => encode(v),
    requestDeserialize: decodeRequest,
    responseSerialize: (v: EchoResponse): Buffer => encode(v),
    responseDeserialize: decodeResponse,
    originalName: name,
  } as const;
}

export const EchoService = {
  say: unary('Say'),
  fail: unary('Fail'),
  slow: unary('Slow'),
  count: { ...unary('Count'), responseStream: true },
} as const;

export const EchoClient = grpc.makeGenericClientConstructor(
  EchoService,
  'posa.test.v1.EchoService',
) as unknown as ClientConstructor<typeof EchoService>;
