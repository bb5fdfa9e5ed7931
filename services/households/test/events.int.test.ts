import { InProcessBus, type ReceivedEvent } from '@posa/events';
import { HouseholdCreated } from '@posa/proto';
import { startHarness, type Harness } from './harness';
import { COMMUNE, request } from './registry-fixtures';

/**
 * The outbox relay runs in the app: a change written with its outbox row is published, here
 * to an in-process bus (the embedded run's transport), and the row is marked published.
 */
const bus = new InProcessBus();
const received: ReceivedEvent[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startHarness('events', { today: () => '2026-11-23', bus });
  bus.subscribe('posa.households.events.v1', 'households-events-test', {
    pool: h.app.pool,
    handler: async (event) => {
      received.push(event);
    },
  });
});

afterAll(async () => {
  await h?.close();
  bus.stop();
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('publishes HouseholdCreated from the outbox and marks the row published', async () => {
  const officer = await h.signIn('officer', COMMUNE, ['officer']);
  const res = await h.households.call('createHousehold', request(), { metadata: officer });
  const id = res.household!.id;

  await until(() => received.some((e) => e.subject === id), 'the event on the bus');
  const event = received.find((e) => e.subject === id)!;
  expect(event.type).toBe('com.posa.households.household-created.v1');
  expect(event.source).toBe('/services/households');
  expect(HouseholdCreated.decode(event.data)).toMatchObject({
    householdId: id,
    communeCode: COMMUNE,
  });

  await until(async () => {
    const rows = await h.app.pool.query(
      'SELECT 1 FROM posa_outbox WHERE aggregate_id = $1 AND published_at IS NULL',
      [id],
    );
    return rows.rowCount === 0;
  }, 'the outbox row to be marked published');
});
