/**
 * Signs in to the edge through the real Keycloak login form, as a browser would, with
 * fetch and two small cookie jars (edge and Keycloak). Returns the edge's cookie header.
 */
type Jar = Map<string, string>;

function remember(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

export function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function get(url: string, jar: Jar): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
  remember(jar, response);
  return response;
}

function location(response: Response, base: string): string {
  const to = response.headers.get('location');
  if (!to) throw new Error(`expected a redirect, got HTTP ${response.status}`);
  return new URL(to, base).toString();
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Jar> {
  const edge: Jar = new Map();
  const keycloak: Jar = new Map();
  const toKeycloak = location(await get(`${baseUrl}/login`, edge), baseUrl);
  const loginPage = await get(toKeycloak, keycloak);
  const html = await loginPage.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no Keycloak login form');
  const posted = await fetch(action.replace(/&amp;/g, '&'), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(keycloak),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  });
  const callback = location(posted, toKeycloak);
  if (!callback.startsWith(`${baseUrl}/auth/callback`))
    throw new Error('Keycloak did not send the browser back');
  const done = await get(callback, edge);
  if (done.status !== 303) throw new Error(`callback answered HTTP ${done.status}`);
  return edge;
}
