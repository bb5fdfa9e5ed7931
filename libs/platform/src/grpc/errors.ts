/**
 * Domain errors and their mapping to and from gRPC status codes.
 *
 * Handlers throw these; the server helper turns them into a status with the message as
 * details. The client helper turns a received status back into the same class, so a
 * service calling another catches `NotFoundError` and not a raw gRPC error. Anything
 * that is not a DomainError becomes INTERNAL with a generic message (the cause is logged
 * on the server, never sent to the caller).
 */
import { Metadata, status } from '@grpc/grpc-js';

/**
 * Trailer keys that carry the field and reason of an INVALID_ARGUMENT. Values are
 * percent-encoded: gRPC metadata is ASCII, and reasons are often Vietnamese.
 */
export const FIELD_METADATA_KEY = 'posa-field';
export const REASON_METADATA_KEY = 'posa-reason';

/** The message sent to callers for INTERNAL and UNKNOWN errors. */
export const GENERIC_INTERNAL_MESSAGE = 'internal error';

/** Base class: an error with a gRPC status code and a message safe to show the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Trailing metadata sent with the status (empty by default). */
  toMetadata(): Metadata {
    return new Metadata();
  }
}

/** A request field is missing or malformed: INVALID_ARGUMENT, message `field: reason`. */
export class InvalidArgumentError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(status.INVALID_ARGUMENT, `${field}: ${reason}`);
  }

  override toMetadata(): Metadata {
    const md = new Metadata();
    md.set(FIELD_METADATA_KEY, encodeURIComponent(this.field));
    md.set(REASON_METADATA_KEY, encodeURIComponent(this.reason));
    return md;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(status.NOT_FOUND, message);
  }
}

export class AlreadyExistsError extends DomainError {
  constructor(message: string) {
    super(status.ALREADY_EXISTS, message);
  }
}

export class PermissionDeniedError extends DomainError {
  constructor(readonly reason: string) {
    super(status.PERMISSION_DENIED, reason);
  }
}

export class FailedPreconditionError extends DomainError {
  constructor(readonly reason: string) {
    super(status.FAILED_PRECONDITION, reason);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(readonly reason: string) {
    super(status.UNAUTHENTICATED, reason);
  }
}

export class ResourceExhaustedError extends DomainError {
  constructor(message: string) {
    super(status.RESOURCE_EXHAUSTED, message);
  }
}

/** The callee could not be reached or asked to be retried later. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super(status.UNAVAILABLE, message);
  }
}

export class DeadlineExceededError extends DomainError {
  constructor(message: string) {
    super(status.DEADLINE_EXCEEDED, message);
  }
}

export class CancelledError extends DomainError {
  constructor(message: string) {
    super(status.CANCELLED, message);
  }
}

/** Client side only: INTERNAL, UNKNOWN or any code without a class of its own. */
export class InternalError extends DomainError {
  constructor(code: status = status.INTERNAL, message = GENERIC_INTERNAL_MESSAGE) {
    super(code, message);
  }
}

/** What the server sends for a thrown value: code, details and trailers. */
export interface StatusPayload {
  code: status;
  details: string;
  metadata: Metadata;
  /** True when the thrown value was not a DomainError (a bug): the server logs its stack. */
  unexpected: boolean;
}

/** Maps anything a handler threw to the status sent to the caller. */
export function toStatus(err: unknown): StatusPayload {
  if (err instanceof DomainError && err.code !== status.INTERNAL && err.code !== status.UNKNOWN) {
    return { code: err.code, details: err.message, metadata: err.toMetadata(), unexpected: false };
  }
  return {
    code: status.INTERNAL,
    details: GENERIC_INTERNAL_MESSAGE,
    metadata: new Metadata(),
    unexpected: !(err instanceof DomainError),
  };
}

/** Shape of the error grpc-js hands to client callbacks. */
export interface ReceivedStatus {
  code?: number;
  details?: string;
  metadata?: Metadata;
}

function firstString(md: Metadata | undefined, key: string): string | undefined {
  const v = md?.get(key)[0];
  if (typeof v !== 'string') return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Maps a status received by a client back to the DomainError class of its code. */
export function fromStatus(received: ReceivedStatus): DomainError {
  const code = received.code ?? status.UNKNOWN;
  const details = received.details ?? '';
  switch (code) {
    case status.INVALID_ARGUMENT: {
      const field = firstString(received.metadata, FIELD_METADATA_KEY);
      const reason = firstString(received.metadata, REASON_METADATA_KEY);
      if (field !== undefined && reason !== undefined)
        return new InvalidArgumentError(field, reason);
      const sep = details.indexOf(': ');
      return sep > 0
        ? new InvalidArgumentError(details.slice(0, sep), details.slice(sep + 2))
        : new InvalidArgumentError('request', details);
    }
    case status.NOT_FOUND:
      return new NotFoundError(details);
    case status.ALREADY_EXISTS:
      return new AlreadyExistsError(details);
    case status.PERMISSION_DENIED:
      return new PermissionDeniedError(details);
    case status.FAILED_PRECONDITION:
      return new FailedPreconditionError(details);
    case status.UNAUTHENTICATED:
      return new UnauthenticatedError(details);
    case status.RESOURCE_EXHAUSTED:
      return new ResourceExhaustedError(details);
    case status.UNAVAILABLE:
      return new UnavailableError(details);
    case status.DEADLINE_EXCEEDED:
      return new DeadlineExceededError(details);
    case status.CANCELLED:
      return new CancelledError(details);
    default:
      return new InternalError(code, GENERIC_INTERNAL_MESSAGE);
  }
}

/** Upper-case name of a status code, e.g. `NOT_FOUND`: the `grpc_code` metric label. */
export function statusName(code: number): string {
  return status[code] ?? String(code);
}
