import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createClient } from 'redis';
import { getKafkaBrokers, getPostgresUrl, getRedisUrl } from './infra';
import { createUser, decodeTokenPayload, deleteUser, passwordGrant, realmUrl } from './keycloak';
import { createTestDatabase } from './postgres';

describe('test infrastructure', () => {
  it('connects to PostgreSQL', async () => {
    const client = new Client({ connectionString: await getPostgresUrl() });
    await client.connect();
    try {
      const result = await client.query<{ one: number }>('select 1 as one');
      expect(result.rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('creates an isolated database and drops it', async () => {
    const database = await createTestDatabase('testing-infra');
    expect(database.name).toMatch(/^testing_infra_[a-z0-9]+_[0-9a-f]{6}$/);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const current = await client.query<{ name: string }>('select current_database() as name');
    await client.end();
    expect(current.rows[0]?.name).toBe(database.name);

    await database.drop();
    const admin = new Client({ connectionString: await getPostgresUrl() });
    await admin.connect();
    const left = await admin.query('select 1 from pg_database where datname = $1', [database.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('answers PING on Redis', async () => {
    const client = createClient({ url: await getRedisUrl() });
    await client.connect();
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.quit();
    }
  });

  it('describes the Kafka cluster', async () => {
    const kafka = new Kafka({
      clientId: 'posa-testing',
      brokers: await getKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
      expect(cluster.clusterId).not.toBe('');
    } finally {
      await admin.disconnect();
    }
  });

  it('serves the posa realm, whose tokens carry audience, unit and roles', async () => {
    const issuer = await realmUrl();
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as { issuer: string };
    expect(discovery.issuer).toBe(issuer);

    const password = 'Testing-Pass1';
    const id = await createUser({
      username: 'testing-infra-officer',
      password,
      unitCode: '01.001',
      roles: ['officer', 'approver'],
    });
    try {
      const payload = decodeTokenPayload(await passwordGrant('testing-infra-officer', password));
      expect(payload.iss).toBe(issuer);
      expect(payload.unit_code).toBe('01.001');
      expect([payload.aud].flat()).toContain('posa-api');
      const roles = (payload.realm_access as { roles: string[] }).roles;
      expect(roles).toEqual(expect.arrayContaining(['officer', 'approver']));
      expect(roles).not.toContain('system_admin');
    } finally {
      await deleteUser(id);
    }
  });

  it('rejects a password that breaks the realm policy', async () => {
    await expect(
      createUser({ username: 'testing-infra-weak', password: 'short', unitCode: '01', roles: [] }),
    ).rejects.toThrow(/HTTP 400/);
  });
});
