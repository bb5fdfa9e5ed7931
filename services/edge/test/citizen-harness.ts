/**
 * The households and cases services in process (fresh databases, real Keycloak tokens, one
 * population simulator) behind the edge harness (identity, Keycloak, Redis): the edge's
 * HOUSEHOLDS_ADDRESS and CASES_ADDRESS point at them, and its public pages call the cases
 * service with the posa-services account. TRUST_PROXY lets a test speak for a client address
 * of its own (X-Forwarded-For), so the per-address rate limits of one test do not touch another.
 */
import { createLogger } from '@posa/platform';
import { PopulationSimulator } from '@posa/population';
import { createTestDatabase, realmUrl, type TestDatabase } from '@posa/testing';
import { createApp as createCasesApp, type CasesApp } from '../../cases/src/app';
import { loadCasesConfig } from '../../cases/src/config';
import { createApp as createHouseholdsApp, type HouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import { startEdgeHarness, type EdgeHarness } from './harness';

export interface CitizenEdge {
  edge: EdgeHarness;
  cases: CasesApp;
  households: HouseholdsApp;
  close(): Promise<void>;
}

export async function startCitizenEdge(
  prefix: string,
  edgeEnv: Record<string, string> = {},
): Promise<CitizenEdge> {
  const issuer = await realmUrl();
  const simulator = new PopulationSimulator();
  await simulator.start();
  const householdsDb: TestDatabase = await createTestDatabase(`edge_czhh_${prefix}`);
  const casesDb: TestDatabase = await createTestDatabase(`edge_czcs_${prefix}`);
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
    { populationSimulator: simulator },
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
      { populationSimulator: simulator },
    );
    const casesPort = (await cases.start()).grpcPort;
    edge = await startEdgeHarness(`cz${prefix}`, {
      HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
      CASES_ADDRESS: `127.0.0.1:${casesPort}`,
      TRUST_PROXY: '1',
      ...edgeEnv,
    });
    return { edge, cases, households, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The smallest PDF a viewer opens (a real PDF header, as the services check). */
export function tinyPdf(text = 'Giay xac nhan'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A public visitor: keeps the edge's cookies, speaks from its own address. */
export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    readonly address: string,
  ) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.address);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  }

  /** Opens a page and returns its HTML and the form's CSRF token. */
  async page(path: string): Promise<{ status: number; html: string; csrf: string }> {
    const res = await this.fetch(path);
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { status: res.status, html, csrf };
  }

  /** Posts a urlencoded form. */
  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
