import * as grpc from '@grpc/grpc-js';
import { createGrpcServer, createGrpcClient, service, type GrpcServer } from '@posa/platform';
import { TokenVerifier } from './token-verifier';
import { authInterceptor, principalOf } from './grpc-interceptor';
import { startKeyServer, type KeyServer } from './key-server.fixture';
import { WhoAmIClient, WhoAmIService, silentLogger } from './who-am-i.fixture';

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
      logger: silentLogger(),
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
