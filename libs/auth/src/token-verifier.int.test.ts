import * as grpc from '@grpc/grpc-js';
import { createGrpcServer, createGrpcClient, service, type GrpcServer } from '@posa/platform';
import { createUser, deleteUser, passwordGrant, realmUrl } from '@posa/testing';
import { TokenVerifier } from './token-verifier';
import { authInterceptor, principalOf } from './grpc-interceptor';
import { WhoAmIClient, WhoAmIService, silentLogger } from './who-am-i.fixture';

/**
 * Tokens issued by the real Keycloak with the realm from deploy/keycloak: the password
 * grant of client posa-cli gives an access token with audience posa-api, the unit_code
 * claim and realm roles, which the verifier and the gRPC interceptor accept.
 */

describe('Keycloak tokens', () => {
  const username = `district-officer-${process.pid}`;
  const password = 'Dev-Passw0rd-Only';
  let userId: string;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    userId = await createUser({
      username,
      password,
      unitCode: '001',
      roles: ['officer', 'analyst'],
    });
    verifier = new TokenVerifier({ issuer: await realmUrl(), audience: 'posa-api' });
  });
  afterAll(() => deleteUser(userId));

  it('verifies an access token from the password grant into the principal', async () => {
    const principal = await verifier.verify(await passwordGrant(username, password));
    expect(principal.userId).toBe(userId);
    expect(principal.unitCode).toBe('001');
    expect([...principal.roles].sort()).toEqual(['analyst', 'officer']);
    expect(principal.isService).toBe(false);
  });

  it('refuses the token for another realm issuer or audience', async () => {
    const token = await passwordGrant(username, password);
    const wrongAudience = new TokenVerifier({ issuer: await realmUrl(), audience: 'another-api' });
    await expect(wrongAudience.verify(token)).rejects.toThrow(/claim aud/);
    const wrongIssuer = new TokenVerifier({
      issuer: `${await realmUrl()}-other`,
      audience: 'posa-api',
      jwksUrl: `${await realmUrl()}/protocol/openid-connect/certs`,
    });
    await expect(wrongIssuer.verify(token)).rejects.toThrow(/claim iss/);
  });

  it('authorises a gRPC call with the Keycloak token and refuses a tampered one', async () => {
    const server: GrpcServer = createGrpcServer({
      services: [
        service(WhoAmIService, {
          whoAmI: (_r, ctx) => ({ unit: principalOf(ctx).unitCode }),
          ping: () => ({ pong: true }),
        }),
      ],
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger(),
      interceptors: [authInterceptor(verifier)],
    });
    const port = await server.start();
    const client = createGrpcClient(WhoAmIClient, `127.0.0.1:${port}`);
    try {
      const token = await passwordGrant(username, password);
      await expect(
        client.call('whoAmI', {}, { metadata: { authorization: `Bearer ${token}` } }),
      ).resolves.toEqual({
        unit: '001',
      });
      // Flip one character of the signature: the token no longer verifies.
      const tampered =
        token.slice(0, -3) + (token.slice(-3, -2) === 'A' ? 'B' : 'A') + token.slice(-2);
      await expect(
        client.call('whoAmI', {}, { metadata: { authorization: `Bearer ${tampered}` } }),
      ).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    } finally {
      client.close();
      await server.stop(1000);
    }
  });
});
