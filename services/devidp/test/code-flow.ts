/**
 * The authorization code flow driven over HTTP with fetch, as a browser and the edge would:
 * authorization request, the provider's sign-in form, redirects with cookies, then the
 * code exchanged at the token endpoint. Used by the integration tests.
 */
export const EDGE_SECRET = 'dev-only-posa-edge-secret';
const REDIRECT_URI = 'http://127.0.0.1:1/auth/callback';

export interface Tokens {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
}

export interface Page {
  status: number;
  html: string;
}

/** The tokens, or the page the flow stopped on; `newPasswordPages` as they were shown. */
export type SignInResult = ({ ok: true; tokens: Tokens } | ({ ok: false } & Page)) & {
  newPasswordPages: Page[];
};

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function go(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.take(res);
  return res;
}

function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export async function tokenRequest(
  issuer: string,
  body: Record<string, string>,
  auth = basic('posa-edge', EDGE_SECRET),
) {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  return { status: res.status, body: (await res.json()) as Tokens & { error?: string } };
}

export function serviceTokenRequest(issuer: string, secret: string) {
  return tokenRequest(issuer, { grant_type: 'client_credentials' }, basic('posa-services', secret));
}

function formAction(html: string): string | undefined {
  return /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

/**
 * Signs in as posa-edge would; a refusal returns the page that was shown again. When the
 * provider asks for a new password, each [new, confirmation] pair of `newPasswords` is
 * submitted in turn until the flow goes on.
 */
export async function signIn(
  issuer: string,
  username: string,
  password: string,
  newPasswords: Array<[string, string]> = [],
): Promise<SignInResult> {
  const jar = new CookieJar();
  const origin = new URL(issuer).origin;
  const auth = new URL(`${issuer}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: 'posa-edge',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state: 'state-1',
  }).toString();
  let res = await go(jar, auth.toString());
  let location = res.headers.get('location');
  if (location === null) throw new Error(`authorization request answered ${res.status}`);
  res = await go(jar, new URL(location, origin).toString());
  const action = formAction(await res.text());
  if (action === undefined) throw new Error(`no sign-in form (status ${res.status})`);
  const post = (fields: Record<string, string>) =>
    go(jar, new URL(action, origin).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ lang: 'en', ...fields }).toString(),
    });
  res = await post({ username, password, action: 'login' });
  const newPasswordPages: Page[] = [];
  const pending = [...newPasswords];
  while (res.status < 300 || res.status >= 400) {
    const html = await res.text();
    if (!html.includes('name="new_password"') || pending.length === 0) {
      return { ok: false, status: res.status, html, newPasswordPages };
    }
    newPasswordPages.push({ status: res.status, html });
    const [next, confirmation] = pending.shift()!;
    res = await post({ new_password: next, confirm_password: confirmation, action: 'change' });
  }
  for (let hop = 0; hop < 5 && res.status >= 300 && res.status < 400; hop += 1) {
    location = res.headers.get('location')!;
    if (location.startsWith(REDIRECT_URI)) {
      const params = new URL(location).searchParams;
      if (params.get('state') !== 'state-1') throw new Error('state changed');
      const code = params.get('code');
      if (code === null) throw new Error(`no code: ${params.get('error')}`);
      const exchange = await tokenRequest(issuer, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
      });
      if (exchange.status !== 200) throw new Error(`token endpoint: ${exchange.body.error}`);
      return { ok: true, tokens: exchange.body, newPasswordPages };
    }
    res = await go(jar, new URL(location, origin).toString());
  }
  return { ok: false, status: res.status, html: await res.text(), newPasswordPages };
}

export function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
