/**
 * Verification of a person against the national population database (CSDL quốc gia về dân
 * cư). The service sees it only through this interface; `HttpPopulationRegistry` talks to it
 * over HTTP, whether the real endpoint or the simulator of this folder.
 */

export type Sex = 'male' | 'female';

/** What the registry is asked. The date of birth is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface VerifyQuery {
  citizenId: string;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
}

export type VerifyOutcome = 'match' | 'mismatch' | 'not_found' | 'unavailable';

/** Fields the registry compared and found different. */
export type VerifiedField = 'full_name' | 'date_of_birth' | 'sex';

export interface VerifyResult {
  outcome: VerifyOutcome;
  /** Empty unless the outcome is `mismatch`. */
  mismatchedFields: VerifiedField[];
}

export interface PopulationRegistry {
  /** Never throws for the registry's own failures: they are the outcome `unavailable`. */
  verify(query: VerifyQuery): Promise<VerifyResult>;
}

export const VERIFIED_FIELDS: readonly VerifiedField[] = ['full_name', 'date_of_birth', 'sex'];

/** The wire path of a verification (our contract; see the README). */
export const VERIFY_PATH = '/v1/citizen-verifications';
