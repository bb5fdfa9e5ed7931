/**
 * The virus-scan hook of online attachments: every file is scanned before the submission's
 * transaction commits, and an infected file refuses the whole submission.
 *
 * The built-in scanner is no antivirus: it recognises only the EICAR test signature, the
 * one check it can make honestly, so that the refusal path is exercised end to end. A real
 * engine is used by setting CLAMD_ADDRESS (clamd-scanner.ts).
 */

export type ScanOutcome = { clean: true } | { clean: false; signature: string };

export interface AttachmentScanner {
  /** Recorded with each attachment (which engine passed it). */
  readonly name: string;
  scan(content: Buffer): Promise<ScanOutcome>;
}

/** The scanner could not give an answer (unreachable, timed out, reported an error). */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailableError';
  }
}

/**
 * The EICAR anti-malware test string, assembled from two halves so this source file is not
 * itself flagged by a scanner reading the repository.
 */
export const EICAR_TEST_STRING =
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const EICAR_BYTES = Buffer.from(EICAR_TEST_STRING, 'latin1');

/** Refuses files containing the EICAR test string; passes everything else. */
export class EicarOnlyScanner implements AttachmentScanner {
  readonly name = 'builtin-eicar';

  scan(content: Buffer): Promise<ScanOutcome> {
    return Promise.resolve(
      content.includes(EICAR_BYTES)
        ? { clean: false, signature: 'EICAR-Test-Signature' }
        : { clean: true },
    );
  }
}
