/** ServiceTokenSource against the real Keycloak of the tests (client posa-services). */
import { decodeTokenPayload, getKeycloakUrl, REALM, SERVICES_CLIENT } from '@posa/testing';
import { ServiceTokenSource, ServiceTokenUnavailableError } from './service-token';

const secret = process.env.POSA_SERVICES_CLIENT_SECRET ?? 'dev-only-posa-services-secret';

it('gets a service-account token without a unit, and reuses it until asked to refresh', async () => {
  const source = new ServiceTokenSource({
    baseUrl: `${await getKeycloakUrl()}/`,
    realm: REALM,
    clientId: SERVICES_CLIENT,
    clientSecret: secret,
  });
  const first = await source.get();
  const claims = decodeTokenPayload(first);
  expect(claims.azp).toBe(SERVICES_CLIENT);
  expect(claims.unit_code).toBeUndefined();
  expect(await source.get()).toBe(first);
  const renewed = await source.get(true);
  expect(decodeTokenPayload(renewed).jti).not.toBe(claims.jti);
});

it('reports refused credentials as ServiceTokenUnavailableError', async () => {
  const source = new ServiceTokenSource({
    baseUrl: await getKeycloakUrl(),
    realm: REALM,
    clientId: SERVICES_CLIENT,
    clientSecret: 'not-the-secret',
  });
  await expect(source.get()).rejects.toThrow(ServiceTokenUnavailableError);
});
