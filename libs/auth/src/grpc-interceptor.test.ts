import * as grpc from '@grpc/grpc-js';
import {
  createGrpcServer,
  createGrpcClient,
  createLogger,
  service,
  type GrpcServer,
} from '@posa/platform';
import { Writable } from 'node:stream';
import { TokenVerifier } from './token-verifier';
import { authInterceptor, principalOf } from './grpc-interceptor';
import { startKeyServer, type KeyServer } from './key-server.fixture';

/** A one-method service (JSON on the wire) answering with the caller's unit and roles. */
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
const WhoAmIService = { whoAmI: method('WhoAmI'), ping: method('Ping') } as const;
const WhoAmIClient = grpc.makeGenericClientConstructor(
  WhoAmIService,
  'posa.test.v1.WhoAmIService',
) as unknown as {
  new (address: string, credentials: grpc.ChannelCredentials): grpc.Client;
  service: typeof WhoAmIService;
};

describe('authInterceptor on a real gRPC server', () => {
  let keys: KeyServer;
  let server: GrpcServer;
  let client: ReturnType<typeof createGrpcClient<typeof WhoAmIService>>;

  beforeAll(async () => {
    keys = await startKeyServer();
    const verifier = new TokenVerifier({
      issuer: keys.issuer,
      audience: 'posa-api',
      jwksUrl: keys.jwksUrl,
    });
    const silent = new Writable({ write: (_c, _e, done) => done() });
    server = createGrpcServer({
      services: [
        service(WhoAmIService, {
          whoAmI: (_req, ctx) => {
            const p = principalOf(ctx);
            return { unit: p.unitCode, roles: [...p.roles] };
          },
          ping: () => ({ pong: true }),
        }),
      ],
      port: 0,
      host: '127.0.0.1',
      logger: createLogger({ service: 'auth-test', level: 'error', destination: silent }),
      interceptors: [
        authInterceptor(verifier, { publicMethods: ['/posa.test.v1.WhoAmIService/Ping'] }),
      ],
    });
    const port = await server.start();
    client = createGrpcClient(WhoAmIClient, `127.0.0.1:${port}`);
  });

  afterAll(async () => {
    client.close();
    await server.stop(1000);
    await keys.close();
  });

  it('hands the verified principal to the handler', async () => {
    const token = await keys.sign({
      typ: 'Bearer',
      unit_code: '79',
      realm_access: { roles: ['analyst'] },
    });
    await expect(
      client.call('whoAmI', {}, { metadata: { authorization: `Bearer ${token}` } }),
    ).resolves.toEqual({
      unit: '79',
      roles: ['analyst'],
    });
  });

  it('rejects a call without a token with UNAUTHENTICATED', async () => {
    await expect(client.call('whoAmI', {})).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      message: expect.stringContaining('missing bearer access token'),
    });
  });

  it('rejects an expired or foreign token with UNAUTHENTICATED and the reason', async () => {
    const expired = await keys.sign({ typ: 'Bearer', unit_code: '79' }, { expiresIn: '-2m' });
    await expect(
      client.call('whoAmI', {}, { metadata: { authorization: `Bearer ${expired}` } }),
    ).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      message: expect.stringContaining('token expired'),
    });
    const foreign = await keys.sign(
      { typ: 'Bearer', unit_code: '79' },
      { audience: 'another-app' },
    );
    await expect(
      client.call('whoAmI', {}, { metadata: { authorization: `Bearer ${foreign}` } }),
    ).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      message: expect.stringContaining('claim aud'),
    });
  });

  it('lets public methods through without a token', async () => {
    await expect(client.call('ping', {})).resolves.toEqual({ pong: true });
  });
});
