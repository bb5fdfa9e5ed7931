/**
 * The households, cases and payments services in process (fresh databases, real Keycloak tokens)
 * behind the edge harness (identity, Keycloak, Redis). Cases and payments share one in-process
 * bus, so a case approved through the edge reaches the payments ledger as it would through
 * Kafka. All services share one fixed "today". `activeCase` takes an application from filing to
 * the decision through the edge API, which is how the tests fill the ledger.
 */
import { InProcessBus } from '@posa/events';
import { createLogger } from '@posa/platform';
import { PopulationSimulator } from '@posa/population';
import { createTestDatabase, realmUrl, type TestDatabase } from '@posa/testing';
import { createApp as createCasesApp, type CasesApp } from '../../cases/src/app';
import { loadCasesConfig } from '../../cases/src/config';
import { createApp as createHouseholdsApp, type HouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import { createApp as createPaymentsApp, type PaymentsApp } from '../../payments/src/app';
import { loadPaymentsConfig } from '../../payments/src/config';
import { startEdgeHarness, type EdgeHarness } from './harness';
import { api, type Json } from './households-harness';

export interface PaymentsEdge {
  edge: EdgeHarness;
  households: HouseholdsApp;
  cases: CasesApp;
  payments: PaymentsApp;
  close(): Promise<void>;
}

export async function startPaymentsEdge(
  prefix: string,
  today: () => string,
): Promise<PaymentsEdge> {
  const issuer = await realmUrl();
  const simulator = new PopulationSimulator();
  await simulator.start();
  const bus = new InProcessBus();
  const dbs: TestDatabase[] = [];
  const db = async (name: string): Promise<TestDatabase> => {
    const created = await createTestDatabase(`edge_pay_${name}_${prefix}`);
    dbs.push(created);
    return created;
  };
  const common = {
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: issuer,
    LOG_LEVEL: 'silent',
    EVENTS_TRANSPORT: 'in-process',
  };
  const silent = (service: string) => createLogger({ service, level: 'silent' });
  let households: HouseholdsApp | undefined;
  let cases: CasesApp | undefined;
  let payments: PaymentsApp | undefined;
  let edge: EdgeHarness | undefined;
  const close = async (): Promise<void> => {
    await edge?.close();
    await payments?.stop(1000);
    await cases?.stop(1000);
    await households?.stop(1000);
    await simulator.stop();
    for (const d of dbs) await d.drop();
  };
  try {
    households = createHouseholdsApp(
      loadHouseholdsConfig({ ...common, DATABASE_URL: (await db('hh')).url }),
      silent('households'),
      { today, populationSimulator: simulator },
    );
    const householdsPort = (await households.start()).grpcPort;
    payments = createPaymentsApp(
      loadPaymentsConfig({ ...common, DATABASE_URL: (await db('pm')).url }),
      silent('payments'),
      { today, bus },
    );
    const paymentsPort = (await payments.start()).grpcPort;
    cases = createCasesApp(
      loadCasesConfig({
        ...common,
        DATABASE_URL: (await db('cs')).url,
        HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
      }),
      silent('cases'),
      { today, populationSimulator: simulator, bus },
    );
    const casesPort = (await cases.start()).grpcPort;
    edge = await startEdgeHarness(`pay${prefix}`, {
      HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
      CASES_ADDRESS: `127.0.0.1:${casesPort}`,
      PAYMENTS_ADDRESS: `127.0.0.1:${paymentsPort}`,
    });
    return { edge, households, cases, payments, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface Staff {
  officer: string;
  approver: string;
}

/**
 * A household with one member in `commune`, and an approved monthly-allowance case for that
 * member from `fromMonth` (decision signed on `signedOn`), all through the edge API.
 */
export async function activeCase(
  baseUrl: string,
  staff: Staff,
  commune: string,
  person: { fullName: string; citizenId: string; dateOfBirth: string; sex?: 'male' | 'female' },
  decision: { fromMonth: string; signedOn: string; number: string },
  payment: Json = { channel: 'cash_at_commune' },
): Promise<{ caseId: string; code: string }> {
  const created = await api(baseUrl, '/households', staff.officer, {
    method: 'POST',
    body: {
      communeCode: commune,
      streetAddress: '5 Phố Liễu Giai',
      area: 'urban',
      reason: 'Khai báo mới',
      members: [{ sex: 'female', ...person, ethnicGroupCode: '01', relation: 'head' }],
    },
  });
  if (created.status !== 201) throw new Error(`household: HTTP ${created.status}`);
  const filed = await api(baseUrl, '/cases', staff.officer, {
    method: 'POST',
    body: {
      kind: 'monthly_allowance',
      householdId: created.body.id,
      memberId: created.body.members[0].id,
      eligibility: { categoryCodes: ['nd20-5c'] },
      payment,
      applicationDate: `${decision.fromMonth}-05`,
      documents: ['Tờ khai Mẫu số 1a'],
    },
  });
  if (filed.status !== 201) throw new Error(`case: HTTP ${filed.status}`);
  const id: string = filed.body.id;
  const steps: [string, string, Json][] = [
    ['completeness', staff.officer, { expectedVersion: 1, complete: true }],
    [
      'appraise',
      staff.officer,
      {
        expectedVersion: 2,
        eligibility: { categoryCodes: ['nd20-5c'] },
        proposedMonth: decision.fromMonth,
        opinion: 'Đủ điều kiện',
      },
    ],
    ['verify', staff.officer, { expectedVersion: 3 }],
    [
      'approve',
      staff.approver,
      {
        expectedVersion: 4,
        decisionNumber: decision.number,
        signedOn: decision.signedOn,
        signer: 'Chủ tịch UBND',
        effectiveMonth: decision.fromMonth,
      },
    ],
  ];
  for (const [path, token, body] of steps) {
    const res = await api(baseUrl, `/cases/${id}/${path}`, token, { method: 'POST', body });
    if (res.status !== 200)
      throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { caseId: id, code: filed.body.code };
}
