/**
 * HTTP client of the population database. One POST per lookup (the citizen ID travels in the
 * body, never in a URL that proxies log). A lookup changes nothing, so a timeout, a network
 * error or a 5xx answer is retried a bounded number of times before the outcome is
 * `unavailable`. Logs carry the outcome, status and attempt count only: never the ID or name.
 */
import type { Logger } from '@posa/platform';
import {
  VERIFIED_FIELDS,
  VERIFY_PATH,
  type PopulationRegistry,
  type VerifiedField,
  type VerifyQuery,
  type VerifyResult,
} from './population-registry';

export interface HttpPopulationRegistryOptions {
  baseUrl: string;
  /** Bound of one attempt. */
  timeoutMs: number;
  /** Further attempts after a failed one (0 = a single attempt). */
  retries: number;
  /** Pause before retry n is n × this. */
  retryDelayMs?: number;
  logger: Logger;
}

type Attempt = { kind: 'answer'; result: VerifyResult } | { kind: 'retry'; status: string };

const UNAVAILABLE: VerifyResult = { outcome: 'unavailable', mismatchedFields: [] };

function fieldsOf(body: unknown): VerifiedField[] | undefined {
  const fields = (body as { mismatchedFields?: unknown } | null)?.mismatchedFields;
  if (!Array.isArray(fields)) return undefined;
  const known = fields.filter((f): f is VerifiedField =>
    (VERIFIED_FIELDS as readonly unknown[]).includes(f),
  );
  return known.length === fields.length ? known : undefined;
}

export class HttpPopulationRegistry implements PopulationRegistry {
  private readonly url: string;

  constructor(private readonly options: HttpPopulationRegistryOptions) {
    this.url = new URL(VERIFY_PATH, options.baseUrl).toString();
  }

  async verify(query: VerifyQuery): Promise<VerifyResult> {
    const { retries, logger } = this.options;
    const delay = this.options.retryDelayMs ?? 100;
    let last = 'none';
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, delay * (attempt - 1)));
      const outcome = await this.attempt(query);
      if (outcome.kind === 'answer') {
        logger.debug(
          { outcome: outcome.result.outcome, attempts: attempt },
          'population registry answered',
        );
        return outcome.result;
      }
      last = outcome.status;
    }
    logger.warn({ status: last, attempts: retries + 1 }, 'population registry unavailable');
    return UNAVAILABLE;
  }

  private async attempt(query: VerifyQuery): Promise<Attempt> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : 'error';
      return { kind: 'retry', status: name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.status === 404)
      return { kind: 'answer', result: { outcome: 'not_found', mismatchedFields: [] } };
    if (res.status === 200) {
      const fields = fieldsOf(body);
      if (fields === undefined) return { kind: 'retry', status: 'malformed answer' };
      const outcome = fields.length === 0 ? 'match' : 'mismatch';
      return { kind: 'answer', result: { outcome, mismatchedFields: fields } };
    }
    if (res.status >= 500 || res.status === 429)
      return { kind: 'retry', status: String(res.status) };
    // Any other status is a fault of the request or the contract: retrying will not help.
    this.options.logger.error({ status: res.status }, 'population registry refused the request');
    return { kind: 'answer', result: UNAVAILABLE };
  }
}
