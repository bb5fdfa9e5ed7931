/**
 * The logger this library writes to. A pino logger satisfies it; the library never
 * logs payloads, only event ids, types, topics and positions.
 */
export interface EventsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything: the default when the caller gives none. */
export const silentLogger: EventsLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Turns anything thrown into a short loggable object (no stack of user data). */
export function errorFields(err: unknown): { err: { name: string; message: string } } {
  if (err instanceof Error) return { err: { name: err.name, message: err.message } };
  return { err: { name: 'Error', message: String(err) } };
}
