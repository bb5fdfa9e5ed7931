import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';

/**
 * A real HTTP server on 127.0.0.1 publishing a JWKS, standing in for the identity provider's
 * key endpoint; tokens are signed with real keys. (Tokens from the real Keycloak are
 * verified in token-verifier.int.test.ts.)
 */
export interface KeyServer {
  issuer: string;
  jwksUrl: string;
  fetches: number;
  sign(
    claims: Record<string, unknown>,
    opts?: { kid?: string; key?: KeyLike; expiresIn?: string; issuer?: string; audience?: string },
  ): Promise<string>;
  rotate(): Promise<void>;
  close(): Promise<void>;
}

export async function startKeyServer(): Promise<KeyServer> {
  let current = await generateKeyPair('RS256');
  let kid = 'k1';
  const jwks = async () => ({
    keys: [{ ...(await exportJWK(current.publicKey)), kid, alg: 'RS256', use: 'sig' }],
  });
  const state = { fetches: 0 };
  const server = http.createServer((req, res) => {
    if (req.url === '/certs') {
      state.fetches++;
      void jwks().then((body) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/realms/posa`;
  return {
    issuer,
    jwksUrl: `${base}/certs`,
    get fetches() {
      return state.fetches;
    },
    async sign(claims, opts = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? kid })
        .setIssuer(opts.issuer ?? issuer)
        .setAudience(opts.audience ?? 'posa-api')
        .setSubject('acc-1')
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? '5m')
        .sign(opts.key ?? current.privateKey);
    },
    async rotate() {
      current = await generateKeyPair('RS256');
      kid = `k${Date.now()}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
