/**
 * The Ed25519 key that signs the checksum files of payment files: from PAYMENT_SIGNING_KEY
 * (PEM, PKCS#8; the chart requires it from a Secret), else generated for this process only (the
 * embedded run and the tests: its public key changes at every start).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { Logger } from '@posa/platform';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function loadSigningKey(pem: string | undefined, logger: Logger): SigningKey {
  if (pem === undefined) {
    logger.warn('PAYMENT_SIGNING_KEY unset: payment files are signed with a key of this process');
    return generateKeyPairSync('ed25519');
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error('PAYMENT_SIGNING_KEY: not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `PAYMENT_SIGNING_KEY: an Ed25519 key is required, got ${privateKey.asymmetricKeyType}`,
    );
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
