/**
 * One mapping from failures (gRPC statuses of the services, CSRF and rate-limit refusals)
 * to HTTP statuses and the JSON error body of the API. Pages use the same mapping.
 */
import { status } from '@grpc/grpc-js';
import { DomainError, InvalidArgumentError, statusName } from '@posa/platform';

export interface HttpError {
  status: number;
  /** gRPC status name (PERMISSION_DENIED, ...) or CSRF_TOKEN_INVALID. */
  code: string;
  message: string;
  /** The request field at fault (INVALID_ARGUMENT only). */
  field?: string;
}

/** HTTP status of each gRPC status; anything else is 500. */
export const HTTP_STATUS_OF_GRPC: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 503,
  CANCELLED: 503,
};

export const CSRF_ERROR_CODE = 'CSRF_TOKEN_INVALID';
export const GENERIC_MESSAGE = 'internal error';

/** An error raised by the edge itself (bad query parameter, missing token). */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}

export function badRequest(field: string, reason: string): EdgeError {
  return new EdgeError(400, 'INVALID_ARGUMENT', reason, field);
}

export function unauthenticated(reason: string): EdgeError {
  return new EdgeError(401, 'UNAUTHENTICATED', reason);
}

function isCsrfError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EBADCSRFTOKEN'
  );
}

/**
 * Refusals of express's body parsers (413 body too large, 413 too many fields, 400 bad
 * encoding). They carry the raw body, so only their status and kind are kept.
 */
function bodyParserRefusal(err: unknown): HttpError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status: httpStatus, type } = err as { status?: unknown; type?: unknown };
  if (typeof httpStatus !== 'number' || typeof type !== 'string') return undefined;
  if (httpStatus === 413)
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body refused: ${type}` };
  if (httpStatus === 400 || httpStatus === 415)
    return {
      status: httpStatus,
      code: 'INVALID_ARGUMENT',
      message: `request body refused: ${type}`,
    };
  return undefined;
}

/** Maps anything thrown while serving a request; INTERNAL never carries its cause. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof EdgeError) {
    return {
      status: err.status,
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
    };
  }
  const refusal = bodyParserRefusal(err);
  if (refusal) return refusal;
  if (isCsrfError(err))
    return { status: 403, code: CSRF_ERROR_CODE, message: 'missing or invalid CSRF token' };
  if (err instanceof InvalidArgumentError) {
    return { status: 400, code: 'INVALID_ARGUMENT', message: err.reason, field: err.field };
  }
  if (err instanceof DomainError && err.code !== status.INTERNAL && err.code !== status.UNKNOWN) {
    const code = statusName(err.code);
    const httpStatus = HTTP_STATUS_OF_GRPC[code];
    if (httpStatus !== undefined) return { status: httpStatus, code, message: err.message };
  }
  return { status: 500, code: 'INTERNAL', message: GENERIC_MESSAGE };
}

/** The API's error body: `{ "error": { "code", "field"?, "message" } }`. */
export function errorBody(error: HttpError): {
  error: { code: string; field?: string; message: string };
} {
  return {
    error: {
      code: error.code,
      ...(error.field === undefined ? {} : { field: error.field }),
      message: error.message,
    },
  };
}
