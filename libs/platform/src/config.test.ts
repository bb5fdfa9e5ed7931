import {
  ConfigError,
  bool,
  describeConfig,
  documentConfig,
  int,
  loadConfig,
  oneOf,
  port,
  str,
  url,
} from './config';

const schema = {
  GRPC_PORT: port({ default: 50051, doc: 'gRPC listen port' }),
  WORKERS: int({ min: 1, max: 16, default: 2 }),
  DATABASE_URL: url({
    protocols: ['postgres:', 'postgresql:'],
    secret: true,
    doc: 'connection string',
  }),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn'] as const, { default: 'info' }),
  REFLECTION: bool({ default: false }),
  REGION: str({ required: false }),
  SERVICE_NAME: str(),
};

describe('loadConfig', () => {
  it('parses values and applies defaults', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://posa:pw@127.0.0.1:5432/cases',
      SERVICE_NAME: 'cases',
      WORKERS: '4',
      REFLECTION: 'yes',
    });
    expect(config).toEqual({
      GRPC_PORT: 50051,
      WORKERS: 4,
      DATABASE_URL: 'postgres://posa:pw@127.0.0.1:5432/cases',
      LOG_LEVEL: 'info',
      REFLECTION: true,
      REGION: undefined,
      SERVICE_NAME: 'cases',
    });
    // Types follow the schema: a default or required makes the value non-optional.
    const p: number = config.GRPC_PORT;
    const level: 'debug' | 'info' | 'warn' = config.LOG_LEVEL;
    const region: string | undefined = config.REGION;
    expect([p, level, region]).toEqual([50051, 'info', undefined]);
  });

  it('treats an empty string as unset', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgresql://h/db',
      SERVICE_NAME: 'x',
      GRPC_PORT: '',
    });
    expect(config.GRPC_PORT).toBe(50051);
  });

  it('reports every bad variable with its name and reason in one error', () => {
    let caught: unknown;
    try {
      loadConfig(schema, {
        GRPC_PORT: '70000',
        WORKERS: 'many',
        LOG_LEVEL: 'loud',
        REFLECTION: 'maybe',
        DATABASE_URL: 'mysql://secret-host/db',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const err = caught as ConfigError;
    expect(err.problems.map((p) => p.variable)).toEqual([
      'GRPC_PORT',
      'WORKERS',
      'DATABASE_URL',
      'LOG_LEVEL',
      'REFLECTION',
      'SERVICE_NAME',
    ]);
    expect(err.message).toContain('GRPC_PORT: must be <= 65535, got "70000"');
    expect(err.message).toContain('WORKERS: expected an integer, got "many"');
    expect(err.message).toContain('LOG_LEVEL: expected one of debug, info, warn, got "loud"');
    expect(err.message).toContain('REFLECTION: expected true/false');
    expect(err.message).toContain(
      'DATABASE_URL: expected a URL with scheme postgres: or postgresql:',
    );
    expect(err.message).toContain('SERVICE_NAME: required (string)');
    expect(err.message).toContain('6 problems');
  });

  it('never prints the value of a secret', () => {
    expect(() =>
      loadConfig(schema, { SERVICE_NAME: 'x', DATABASE_URL: 'not a url with pw=hunter2' }),
    ).toThrow(/DATABASE_URL: expected an absolute URL$/m);
    try {
      loadConfig(schema, { SERVICE_NAME: 'x', DATABASE_URL: 'not a url with pw=hunter2' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('checks integer bounds and rejects fractions', () => {
    const s = { N: int({ min: 1, max: 3 }) };
    expect(() => loadConfig(s, { N: '0' })).toThrow('N: must be >= 1');
    expect(() => loadConfig(s, { N: '1.5' })).toThrow('N: expected an integer');
    expect(loadConfig(s, { N: ' 3 ' }).N).toBe(3);
  });

  it('describes config with secrets hidden and documents the schema', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://posa:pw@h/db',
      SERVICE_NAME: 'cases',
    });
    const shown = describeConfig(schema, config);
    expect(shown.DATABASE_URL).toBe('[secret]');
    expect(shown.SERVICE_NAME).toBe('cases');
    expect(JSON.stringify(shown)).not.toContain('pw@');
    const doc = documentConfig(schema);
    expect(doc).toContain('GRPC_PORT (port, default 50051): gRPC listen port');
    expect(doc).toContain('DATABASE_URL (url, required): connection string');
    expect(doc).toContain('REGION (string, optional)');
  });
});
