/**
 * The logging surface this library needs. A pino logger satisfies it; so does any
 * object with these three methods. Log objects never carry personal data.
 */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Used when the caller passes no logger. */
export const silentLogger: DbLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Error fields that are safe to log: no message detail, which can hold row values. */
export function errorFields(err: unknown): {
  errName: string;
  errCode?: string;
  errMessage: string;
} {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      errName: err.name,
      ...(typeof code === 'string' ? { errCode: code } : {}),
      errMessage: err.message,
    };
  }
  return { errName: 'unknown', errMessage: String(err) };
}
