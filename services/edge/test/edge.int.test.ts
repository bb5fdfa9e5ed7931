/**
 * The edge against the real stack: identity in process on a fresh database, Keycloak
 * (realm posa), Redis for sessions and rate limits.
 */
import { startEdgeHarness, PASSWORD, type EdgeHarness } from './harness';
import { cookieHeader, signIn } from './sign-in';

const OWN_COMMUNE = '00004'; // Phường Ba Đình (2025)
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà (2025)

// Response bodies are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let h: EdgeHarness;
let officer: string;
let token: string;

beforeAll(async () => {
  h = await startEdgeHarness('api');
  officer = await h.createStaff('officer', OWN_COMMUNE, ['officer']);
  token = await h.bearer(officer);
});

afterAll(async () => {
  await h?.close();
});

async function api(
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: Json }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(`${h.baseUrl}/api/v1${path}`, {
    ...init,
    headers,
    redirect: 'manual',
  });
  return { status: response.status, body: await response.json() };
}

describe('REST API', () => {
  it('returns units for a bearer token', async () => {
    const provinces = await api('/units/VN/children', { token });
    expect(provinces.status).toBe(200);
    expect(provinces.body.units.map((u: { code: string }) => u.code)).toContain('01');
    expect(provinces.body.units.every((u: { structure: string }) => u.structure === '2025')).toBe(
      true,
    );

    const unit = await api(`/units/${OWN_COMMUNE}`, { token });
    expect(unit.body).toMatchObject({
      code: OWN_COMMUNE,
      name: 'Phường Ba Đình',
      level: 'commune',
      parentCode: '01',
    });

    const old = await api('/units?q=phuc%20xa&structure=2024', { token });
    expect(old.status).toBe(200);
    expect(old.body.units[0]).toMatchObject({ name: 'Phường Phúc Xá', structure: '2024' });

    const ancestors = await api('/units/00001/ancestors?asOf=2025-06-30', { token });
    expect(ancestors.body.units.map((u: { code: string }) => u.code)).toEqual(['01', '001']);

    const successors = await api('/units/00013/successors', { token }); // Phường Quán Thánh
    expect(
      successors.body.successors.map((s: { unit: { code: string } }) => s.unit.code),
    ).toContain(OWN_COMMUNE);
  });

  it('answers 401 with the JSON error body without a token, or with a forged one', async () => {
    const none = await api(`/units/${OWN_COMMUNE}`);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await api(`/units/${OWN_COMMUNE}`, { token: `${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
  });

  it('maps bad parameters to 400 with the field', async () => {
    const bad = await api(`/units/${OWN_COMMUNE}?asOf=2025-02-30`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'asOf' });
    const missing = await api('/units/99999', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('creates a village in the officer commune and refuses another commune with the reason', async () => {
    const post = (commune: string, body: unknown) =>
      api(`/communes/${commune}/villages`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post(OWN_COMMUNE, { name: 'Tổ dân phố 1', kind: 'urban' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      communeCode: OWN_COMMUNE,
      name: 'Tổ dân phố 1',
      kind: 'urban',
    });
    expect(created.body.code).toMatch(/^00004\d{3}$/);

    const refused = await post(OTHER_COMMUNE, { name: 'Tổ dân phố 2', kind: 'urban' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('PERMISSION_DENIED');
    expect(refused.body.error.message).toMatch(/\S{10,}/);

    const invalid = await post(OWN_COMMUNE, { name: '   ', kind: 'rural' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'name' });

    const duplicate = await post(OWN_COMMUNE, { name: 'tổ dân phố  1', kind: 'urban' });
    expect(duplicate.status).toBe(409);

    const listed = await api(`/communes/${OWN_COMMUNE}/villages`, { token });
    expect(listed.body.villages.map((v: { code: string }) => v.code)).toEqual([created.body.code]);
  });

  it('serves its OpenAPI 3.1 document without a token', async () => {
    const doc = await api('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/communes/{code}/villages');
  });
});

describe('web security', () => {
  it('sends strict security headers', async () => {
    const response = await fetch(`${h.baseUrl}/signed-out`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sends a signed-out visitor to Keycloak with a state and an allowed redirect URI', async () => {
    const home = await fetch(`${h.baseUrl}/units`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/login?next=%2Funits');
    const login = await fetch(`${h.baseUrl}/login`, { redirect: 'manual' });
    const to = new URL(login.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe(
      `${h.keycloakUrl}/realms/posa/protocol/openid-connect/auth`,
    );
    expect(to.searchParams.get('client_id')).toBe('posa-edge');
    expect(to.searchParams.get('redirect_uri')).toBe(`${h.baseUrl}/auth/callback`);
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    const cookie = login.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/posa\.sid=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a callback whose state does not match', async () => {
    const response = await fetch(`${h.baseUrl}/auth/callback?code=x&state=forged`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(401);
  });

  it('refuses form and API posts of a session without the CSRF token, accepts them with it', async () => {
    const jar = await signIn(h.baseUrl, officer, PASSWORD);
    const cookie = cookieHeader(jar);
    const page = await fetch(`${h.baseUrl}/units/${OWN_COMMUNE}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(csrf).toBeDefined();

    const form = (fields: Record<string, string>) =>
      fetch(`${h.baseUrl}/units/${OWN_COMMUNE}/villages`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const withoutToken = await form({ name: 'Tổ dân phố 7', kind: 'urban' });
    expect(withoutToken.status).toBe(403);
    const forged = await form({ name: 'Tổ dân phố 7', kind: 'urban', _csrf: 'forged' });
    expect(forged.status).toBe(403);

    const apiWithoutToken = await fetch(`${h.baseUrl}/api/v1/communes/${OWN_COMMUNE}/villages`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Tổ dân phố 8', kind: 'urban' }),
    });
    expect(apiWithoutToken.status).toBe(403);
    expect(((await apiWithoutToken.json()) as Json).error.code).toBe('CSRF_TOKEN_INVALID');

    const accepted = await form({ name: 'Tổ dân phố 7', kind: 'urban', _csrf: csrf as string });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toMatch(
      /^\/units\/00004\?created=00004\d{3}#villages$/,
    );

    const refused = await fetch(`${h.baseUrl}/units/${OTHER_COMMUNE}/villages`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'Thôn Mới', kind: 'rural', _csrf: csrf as string }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Bạn không có quyền thực hiện thao tác này.');
  });

  it('shows a unit of the structure before 1 Jul 2025 with its district and its successor', async () => {
    // 00013: Phường Quán Thánh of Quận Ba Đình, merged whole into Phường Ba Đình (00004).
    const cookie = cookieHeader(await signIn(h.baseUrl, officer, PASSWORD));
    const page = await fetch(`${h.baseUrl}/units/00013?date=2025-06-30`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/\s+/g, ' ');
    expect(html).toMatch(/data-testid="unit-heading" ?>Phường Quán Thánh</);
    expect(html).toMatch(/href="\/units\/001\?date=2025-06-30" ?>Quận Ba Đình</);
    expect(html).toMatch(/data-testid="lineage".*Phường Ba Đình/);
    expect(html).not.toContain('data-testid="village-form"');
  });

  it('reports readiness of identity and Redis', async () => {
    const response = await fetch(`${h.baseUrl}/readyz`);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { ok: boolean }>;
    };
    expect(response.status).toBe(200);
    expect(body.checks['identity']?.ok).toBe(true);
    expect(body.checks['redis']?.ok).toBe(true);
  });
});
