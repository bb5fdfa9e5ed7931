/** The embedded setting: no Redis, sessions and rate limits in memory; sign-in works the same. */
import { PASSWORD, startEdgeHarness, type EdgeHarness } from './harness';
import { cookieHeader, signIn } from './sign-in';

let h: EdgeHarness;

beforeAll(async () => {
  h = await startEdgeHarness('memory', {
    REDIS_URL: '',
    SESSION_STORE: 'memory',
    SIGNIN_RATE_LIMIT_PER_MINUTE: '4',
  });
});

afterAll(async () => {
  await h?.close();
});

it('signs in and keeps the session in memory', async () => {
  const username = await h.createStaff('admin', '01', ['unit_admin', 'officer']);
  const cookie = cookieHeader(await signIn(h.baseUrl, username, PASSWORD));
  const home = await fetch(`${h.baseUrl}/`, { headers: { cookie } });
  expect(home.status).toBe(200);
  const page = await home.text();
  expect(page).toContain('Thành phố Hà Nội');
  expect(page).toContain('Tỉnh');
  expect(page).toContain('Quản trị đơn vị');

  const ready = (await (await fetch(`${h.baseUrl}/readyz`)).json()) as {
    checks: Record<string, unknown>;
  };
  expect(Object.keys(ready.checks)).toEqual(['identity']);
});

it('limits sign-in attempts more strictly than other routes', async () => {
  // The sign-in above used 2 of the 4 allowed (/login and /auth/callback).
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    statuses.push((await fetch(`${h.baseUrl}/login`, { redirect: 'manual' })).status);
  }
  expect(statuses).toEqual([303, 303, 429]);
  const refused = await fetch(`${h.baseUrl}/login`, { redirect: 'manual' });
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
    'RESOURCE_EXHAUSTED',
  );
  expect((await fetch(`${h.baseUrl}/signed-out`)).status).toBe(200);
});
