/** What the gRPC handlers of the payments service are built with (wired in app.ts). */
import type { KeyObject } from 'node:crypto';
import type pg from 'pg';
import type { Units } from '@posa/units';

export interface PaymentsDeps {
  pool: pg.Pool;
  /** Jurisdiction tree of the 2025 structure. */
  units: Units;
  /** Ed25519 key pair signing the checksum files of payment files. */
  signingKey: { privateKey: KeyObject; publicKey: KeyObject };
  /** Today's date in Vietnam, YYYY-MM-DD (tests fix it). */
  today: () => string;
}
