/**
 * The provider's RSA signing key, kept in the data directory (mode 0600) so tokens issued
 * before a restart still verify after it. Created on first use.
 */
import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SigningJwk extends JsonWebKey {
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export function loadOrCreateSigningKey(dataDir: string): SigningJwk {
  const file = path.join(dataDir, 'signing-key.json');
  if (existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as SigningJwk;
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
      throw new Error(`${file}: not an RSA private JWK with a kid`);
    }
    return jwk;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = privateKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(String(exported.n)).digest('base64url').slice(0, 16);
  const jwk: SigningJwk = { ...exported, kid, alg: 'RS256', use: 'sig' };
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}
