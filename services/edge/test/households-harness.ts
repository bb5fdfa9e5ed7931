/**
 * The households service in process (fresh database, real Keycloak tokens) behind the edge
 * harness (identity, Keycloak, Redis): the edge's HOUSEHOLDS_ADDRESS points at it.
 */
import { createLogger } from '@posa/platform';
import { createTestDatabase, realmUrl, type TestDatabase } from '@posa/testing';
import { createApp as createHouseholdsApp, type HouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import { startEdgeHarness, type EdgeHarness, type HarnessOptions } from './harness';

export interface HouseholdsEdge {
  edge: EdgeHarness;
  households: HouseholdsApp;
  close(): Promise<void>;
}

export interface HouseholdsEdgeOptions extends HarnessOptions {
  /** The households service's today (YYYY-MM-DD); review rounds depend on dates. */
  today?: () => string;
}

export async function startHouseholdsEdge(
  prefix: string,
  options: HouseholdsEdgeOptions = {},
): Promise<HouseholdsEdge> {
  const { today, ...harnessOptions } = options;
  const db: TestDatabase = await createTestDatabase(`edge_hh_${prefix}`);
  const households = createHouseholdsApp(
    loadHouseholdsConfig({
      DATABASE_URL: db.url,
      GRPC_PORT: '0',
      HTTP_PORT: '0',
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      KEYCLOAK_ISSUER_URL: await realmUrl(),
      LOG_LEVEL: 'silent',
    }),
    createLogger({ service: 'households', level: 'silent' }),
    today ? { today } : {},
  );
  let edge: EdgeHarness | undefined;
  const close = async (): Promise<void> => {
    await edge?.close();
    await households.stop(1000);
    await db.drop();
  };
  try {
    const { grpcPort } = await households.start();
    edge = await startEdgeHarness(
      `hh${prefix}`,
      { HOUSEHOLDS_ADDRESS: `127.0.0.1:${grpcPort}` },
      harnessOptions,
    );
    return { edge, households, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// Response bodies are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Calls /api/v1 with a bearer token; returns status and JSON body. */
export async function api(
  baseUrl: string,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    redirect: 'manual',
  });
  return { status: response.status, body: await response.json() };
}

/** Two members: the head (no citizen ID) and a spouse with a valid one. */
export function twoMembers(spouseCitizenId = '001182012345'): Json[] {
  return [
    {
      fullName: 'Nguyễn Văn Đức',
      dateOfBirth: '1980-05-12',
      sex: 'male',
      ethnicGroupCode: '01',
      relation: 'head',
    },
    {
      fullName: 'Trần Thị Hoa',
      dateOfBirth: '1982',
      sex: 'female',
      ethnicGroupCode: '01',
      citizenId: spouseCitizenId,
      relation: 'spouse',
    },
  ];
}
