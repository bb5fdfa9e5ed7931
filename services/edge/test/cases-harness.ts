/**
 * The households and cases services in process (fresh databases, real Keycloak tokens, one
 * population-database simulator answering both) behind the edge harness (identity, Keycloak,
 * Redis): the edge's HOUSEHOLDS_ADDRESS and CASES_ADDRESS point at them. Both services share
 * one fixed "today", so decisions and their months do not depend on the day the tests run.
 */
import { createLogger } from '@posa/platform';
import { PopulationSimulator } from '@posa/population';
import { createTestDatabase, realmUrl, type TestDatabase } from '@posa/testing';
import { createApp as createCasesApp, type CasesApp } from '../../cases/src/app';
import { loadCasesConfig } from '../../cases/src/config';
import { createApp as createHouseholdsApp, type HouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import { startEdgeHarness, type EdgeHarness } from './harness';

export interface CasesEdge {
  edge: EdgeHarness;
  households: HouseholdsApp;
  cases: CasesApp;
  simulator: PopulationSimulator;
  close(): Promise<void>;
}

/** Today in Vietnam for both services: after Decree 147/2025 (the commune decides). */
export const CASES_TODAY = '2026-03-16';

export async function startCasesEdge(
  prefix: string,
  today: () => string = () => CASES_TODAY,
): Promise<CasesEdge> {
  const issuer = await realmUrl();
  const simulator = new PopulationSimulator();
  await simulator.start();
  const householdsDb: TestDatabase = await createTestDatabase(`edge_cs_hh_${prefix}`);
  const casesDb: TestDatabase = await createTestDatabase(`edge_cs_${prefix}`);
  const common = {
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: issuer,
    LOG_LEVEL: 'silent',
  };
  const households = createHouseholdsApp(
    loadHouseholdsConfig({ ...common, DATABASE_URL: householdsDb.url }),
    createLogger({ service: 'households', level: 'silent' }),
    { today, populationSimulator: simulator },
  );
  let cases: CasesApp | undefined;
  let edge: EdgeHarness | undefined;
  const close = async (): Promise<void> => {
    await edge?.close();
    await cases?.stop(1000);
    await households.stop(1000);
    await simulator.stop();
    await casesDb.drop();
    await householdsDb.drop();
  };
  try {
    const householdsPort = (await households.start()).grpcPort;
    cases = createCasesApp(
      loadCasesConfig({
        ...common,
        DATABASE_URL: casesDb.url,
        HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
      }),
      createLogger({ service: 'cases', level: 'silent' }),
      { today, populationSimulator: simulator },
    );
    const casesPort = (await cases.start()).grpcPort;
    edge = await startEdgeHarness(`cs${prefix}`, {
      HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
      CASES_ADDRESS: `127.0.0.1:${casesPort}`,
    });
    return { edge, households, cases, simulator, close };
  } catch (err) {
    await close();
    throw err;
  }
}
