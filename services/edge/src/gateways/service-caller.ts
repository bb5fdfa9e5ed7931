/**
 * The edge's own service account (posa-services, client credentials) for the calls that
 * citizens make without an account: submitting and following an application or a complaint.
 * The token comes from ServiceTokenSource of @posa/auth (cached until near expiry); the
 * citizen's address travels as x-forwarded-for so the service can apply abuse limits.
 */
import { ServiceTokenUnavailableError } from '@posa/auth';
import type { CallOptions } from '@posa/platform';
import { EdgeError } from '../http/errors';

/** Anything that hands out the current service-account access token. */
export interface ServiceTokens {
  get(forceRefresh?: boolean): Promise<string>;
}

/** Call options of a public call: the service token, the citizen's address, a deadline. */
export async function serviceCallOptions(
  tokens: ServiceTokens,
  deadlineMs: number,
  clientAddress: string | undefined,
  idempotent: boolean,
): Promise<CallOptions> {
  let token: string;
  try {
    token = await tokens.get();
  } catch (err) {
    // The identity provider is down or refused the edge's client: the service is unavailable.
    if (err instanceof ServiceTokenUnavailableError)
      throw new EdgeError(503, 'UNAVAILABLE', 'the online service is unavailable; try again later');
    throw err;
  }
  const metadata: Record<string, string> = { authorization: `Bearer ${token}` };
  if (clientAddress) metadata['x-forwarded-for'] = clientAddress;
  return { deadlineMs, metadata, idempotent };
}
