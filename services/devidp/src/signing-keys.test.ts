import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { loadOrCreateSigningKey } from './signing-keys';

describe('loadOrCreateSigningKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'devidp-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a private RSA key once, readable by its owner only, and returns it again', () => {
    const first = loadOrCreateSigningKey(path.join(dir, 'devidp'));
    const again = loadOrCreateSigningKey(path.join(dir, 'devidp'));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(statSync(path.join(dir, 'devidp', 'signing-key.json')).mode & 0o777).toBe(0o600);
    const signature = sign(
      'sha256',
      Buffer.from('x'),
      createPrivateKey({ key: first, format: 'jwk' }),
    );
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = again;
    expect(
      verify(
        'sha256',
        Buffer.from('x'),
        createPublicKey({ key: publicJwk, format: 'jwk' }),
        signature,
      ),
    ).toBe(true);
  });
});
