import { generateKeyPair } from 'jose';
import { TokenVerifier, TokenRejectedError, bearerToken } from './token-verifier';
import { startKeyServer, type KeyServer } from './key-server.fixture';

describe('TokenVerifier', () => {
  let keys: KeyServer;
  let verifier: TokenVerifier;
  const claims = { typ: 'Bearer', unit_code: '001', realm_access: { roles: ['officer'] } };

  beforeAll(async () => {
    keys = await startKeyServer();
    verifier = new TokenVerifier({
      issuer: keys.issuer,
      audience: 'posa-api',
      jwksUrl: keys.jwksUrl,
    });
  });
  afterAll(() => keys.close());

  it('accepts a valid token and derives the principal', async () => {
    const principal = await verifier.verify(await keys.sign(claims));
    expect(principal).toMatchObject({ userId: 'acc-1', unitCode: '001', isService: false });
    expect([...principal.roles]).toEqual(['officer']);
  });

  it('fetches the keys once and reuses them', async () => {
    const before = keys.fetches;
    for (let i = 0; i < 5; i++) await verifier.verify(await keys.sign(claims));
    expect(keys.fetches - before).toBe(0);
  });

  it.each([
    ['another issuer', { issuer: 'http://127.0.0.1:1/realms/other' }, /claim iss/],
    ['another audience', { audience: 'someone-else' }, /claim aud/],
    ['an expired token', { expiresIn: '-1m' }, /token expired/],
  ])('rejects %s', async (_label, opts, reason) => {
    await expect(verifier.verify(await keys.sign(claims, opts))).rejects.toThrow(reason);
  });

  it('rejects a token signed by a key that is not published', async () => {
    const intruder = await generateKeyPair('RS256');
    const forged = await keys.sign(claims, { key: intruder.privateKey });
    await expect(verifier.verify(forged)).rejects.toThrow('signature is not valid');
  });

  it('rejects garbage, refresh/ID tokens and tokens without a unit', async () => {
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow('malformed token');
    await expect(verifier.verify(await keys.sign({ ...claims, typ: 'ID' }))).rejects.toThrow(
      'not an access token',
    );
    await expect(verifier.verify(await keys.sign({ typ: 'Bearer' }))).rejects.toThrow(
      /unit_code: missing/,
    );
  });

  it('remembers a verified token only until it expires', async () => {
    const strict = new TokenVerifier({
      issuer: keys.issuer,
      audience: 'posa-api',
      jwksUrl: keys.jwksUrl,
      clockToleranceSec: 0,
    });
    const shortLived = await keys.sign(claims, { expiresIn: '1s' });
    const first = await strict.verify(shortLived);
    // The second call is answered from the cache: the very same principal object.
    await expect(strict.verify(shortLived)).resolves.toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(strict.verify(shortLived)).rejects.toThrow('token expired');
  });

  it('never lets a tampered copy of a remembered token through', async () => {
    const token = await keys.sign(claims);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        unit_code: '79',
      }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forgedPayload}.${signature}`)).rejects.toThrow(
      'signature is not valid',
    );
  });

  it('fetches the keys again when the provider rotates them', async () => {
    await verifier.verify(await keys.sign(claims));
    await keys.rotate();
    // The verifier's cooldown is 30 s; a fresh verifier models a replica after rotation.
    const fresh = new TokenVerifier({
      issuer: keys.issuer,
      audience: 'posa-api',
      jwksUrl: keys.jwksUrl,
    });
    await expect(fresh.verify(await keys.sign(claims))).resolves.toMatchObject({ userId: 'acc-1' });
  });

  it('reports unreachable keys as unavailable, not as a bad token', async () => {
    const nowhere = new TokenVerifier({
      issuer: keys.issuer,
      audience: 'posa-api',
      jwksUrl: 'http://127.0.0.1:9/certs',
    });
    const err = await nowhere.verify(await keys.sign(claims)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenRejectedError);
    expect((err as TokenRejectedError).kind).toBe('unavailable');
  });
});

describe('bearerToken', () => {
  it('takes the token from an authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
