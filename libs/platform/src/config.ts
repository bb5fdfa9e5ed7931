/**
 * Typed environment configuration, validated once at start.
 *
 *   const config = loadConfig({
 *     GRPC_PORT: port({ default: 50051, doc: 'gRPC listen port' }),
 *     DATABASE_URL: url({ secret: true, doc: 'PostgreSQL connection string' }),
 *     LOG_LEVEL: oneOf(['debug', 'info', 'warn'] as const, { default: 'info' }),
 *   });
 *
 * A variable with no default is required unless `required: false` (then its type
 * includes `undefined`). An empty string counts as unset. `loadConfig` reports every bad
 * variable in one ConfigError; values of variables marked `secret` never appear in it.
 */

/** One environment variable: how to parse it and what to do when it is unset. */
export interface VarSpec<T> {
  readonly kind: string;
  readonly doc: string;
  readonly secret: boolean;
  readonly required: boolean;
  readonly default: T | undefined;
  /** Returns the value, or throws an Error whose message is the reason. */
  parse(raw: string): T;
}

interface BaseOpts<T> {
  default?: T;
  required?: boolean;
  doc?: string;
  secret?: boolean;
}

/** Options of a variable that may be left unset (its value is then `undefined`). */
type OptionalOpts<T> = BaseOpts<T> & { required: false; default?: undefined };

export type ConfigSchema = Record<string, VarSpec<unknown>>;
export type ConfigOf<S extends ConfigSchema> = {
  readonly [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never;
};

function spec<T>(kind: string, parse: (raw: string) => T, o: BaseOpts<T> = {}): VarSpec<T> {
  return {
    kind,
    parse,
    doc: o.doc ?? '',
    secret: o.secret ?? false,
    default: o.default,
    required: o.required ?? o.default === undefined,
  };
}

export function str(o: OptionalOpts<string>): VarSpec<string | undefined>;
export function str(o?: BaseOpts<string>): VarSpec<string>;
export function str(o?: BaseOpts<string>): VarSpec<string | undefined> {
  return spec('string', (raw) => raw, o);
}

interface IntOpts {
  min?: number;
  max?: number;
}

function parseInteger(raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new Error('expected an integer');
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error('integer out of range');
  if (n < min) throw new Error(`must be >= ${min}`);
  if (n > max) throw new Error(`must be <= ${max}`);
  return n;
}

export function int(o: OptionalOpts<number> & IntOpts): VarSpec<number | undefined>;
export function int(o?: BaseOpts<number> & IntOpts): VarSpec<number>;
export function int(o: BaseOpts<number> & IntOpts = {}): VarSpec<number | undefined> {
  const min = o.min ?? Number.MIN_SAFE_INTEGER;
  const max = o.max ?? Number.MAX_SAFE_INTEGER;
  return spec('integer', (raw) => parseInteger(raw, min, max), o);
}

/** A TCP port, 0..65535 (0 asks the system for a free port). */
export function port(o: OptionalOpts<number>): VarSpec<number | undefined>;
export function port(o?: BaseOpts<number>): VarSpec<number>;
export function port(o?: BaseOpts<number>): VarSpec<number | undefined> {
  return spec('port', (raw) => parseInteger(raw, 0, 65535), o);
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

export function bool(o: OptionalOpts<boolean>): VarSpec<boolean | undefined>;
export function bool(o?: BaseOpts<boolean>): VarSpec<boolean>;
export function bool(o?: BaseOpts<boolean>): VarSpec<boolean | undefined> {
  return spec(
    'boolean',
    (raw) => {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new Error('expected true/false, 1/0, yes/no or on/off');
    },
    o,
  );
}

interface UrlOpts {
  /** Accepted schemes with the colon, e.g. `['postgres:', 'postgresql:']`. */
  protocols?: readonly string[];
}

/** An absolute URL, kept as the string given. */
export function url(o: OptionalOpts<string> & UrlOpts): VarSpec<string | undefined>;
export function url(o?: BaseOpts<string> & UrlOpts): VarSpec<string>;
export function url(o: BaseOpts<string> & UrlOpts = {}): VarSpec<string | undefined> {
  return spec(
    'url',
    (raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        throw new Error('expected an absolute URL');
      }
      if (o.protocols && !o.protocols.includes(parsed.protocol)) {
        throw new Error(`expected a URL with scheme ${o.protocols.join(' or ')}`);
      }
      return raw;
    },
    o,
  );
}

export function oneOf<const V extends string>(
  values: readonly V[],
  o: OptionalOpts<V>,
): VarSpec<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], o?: BaseOpts<V>): VarSpec<V>;
export function oneOf<const V extends string>(
  values: readonly V[],
  o?: BaseOpts<V>,
): VarSpec<V | undefined> {
  return spec(
    `one of ${values.join('|')}`,
    (raw) => {
      if ((values as readonly string[]).includes(raw)) return raw as V;
      throw new Error(`expected one of ${values.join(', ')}`);
    },
    o,
  );
}

/** One bad variable: its name and why. */
export interface ConfigProblem {
  readonly variable: string;
  readonly reason: string;
}

/** Thrown by loadConfig; the message lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates every variable of the schema; throws one ConfigError for all problems. */
export function loadConfig<S extends ConfigSchema>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [name, s] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (s.default !== undefined) out[name] = s.default;
      else if (s.required) problems.push({ variable: name, reason: `required (${s.kind})` });
      else out[name] = undefined;
      continue;
    }
    try {
      out[name] = s.parse(raw);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const shown = s.secret
        ? ''
        : `, got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)}`;
      problems.push({ variable: name, reason: `${reason}${shown}` });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}

/** The loaded values with secrets replaced by `[secret]`: safe to log at start. */
export function describeConfig<S extends ConfigSchema>(
  schema: S,
  config: ConfigOf<S>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema)) {
    const value = (config as Record<string, unknown>)[name];
    out[name] = s.secret && value !== undefined ? '[secret]' : value;
  }
  return out;
}

/** One line per variable (name, kind, default or "required", doc): for READMEs and --help. */
export function documentConfig(schema: ConfigSchema): string {
  return Object.entries(schema)
    .map(([name, s]) => {
      const dflt =
        s.default !== undefined
          ? `default ${s.secret ? '[secret]' : String(s.default)}`
          : s.required
            ? 'required'
            : 'optional';
      return `${name} (${s.kind}, ${dflt})${s.doc ? `: ${s.doc}` : ''}`;
    })
    .join('\n');
}
