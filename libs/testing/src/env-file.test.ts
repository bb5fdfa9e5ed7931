import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInfraEnvFile } from './env-file';

describe('readInfraEnvFile', () => {
  it('reads NAME=value lines and ignores anything else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'posa-env-'));
    const file = path.join(dir, 'env');
    fs.writeFileSync(
      file,
      '# comment\nPOSA_TEST_POSTGRES_URL=postgres://u:p@127.0.0.1:15432/postgres\n\nnot a line\nPOSA_TEST_KAFKA_BROKERS=127.0.0.1:19092\n',
    );
    try {
      expect(readInfraEnvFile(file)).toEqual({
        POSA_TEST_POSTGRES_URL: 'postgres://u:p@127.0.0.1:15432/postgres',
        POSA_TEST_KAFKA_BROKERS: '127.0.0.1:19092',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is empty when the file does not exist', () => {
    expect(readInfraEnvFile(path.join(os.tmpdir(), 'posa-no-such-dir', 'env'))).toEqual({});
  });
});
