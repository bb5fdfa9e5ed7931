/**
 * What the move, identity-quality and sampling tests share: signed-in page requests and form
 * posts (with the page's CSRF token), and households created through the API.
 */
import { PASSWORD } from './harness';
import { api, type HouseholdsEdge, type Json } from './households-harness';
import { cookieHeader, signIn } from './sign-in';

export interface PageAnswer {
  status: number;
  html: string;
  location: string | null;
}

export async function signedIn(s: HouseholdsEdge, username: string): Promise<string> {
  return cookieHeader(await signIn(s.edge.baseUrl, username, PASSWORD));
}

export async function page(s: HouseholdsEdge, path: string, cookie: string): Promise<PageAnswer> {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

export async function post(
  s: HouseholdsEdge,
  path: string,
  cookie: string,
  form: Record<string, string> | [string, string][],
): Promise<PageAnswer> {
  const r = await fetch(`${s.edge.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

export const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

export interface Person {
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  relation: string;
  citizenId?: string;
}

/** Creates a household of the commune through the API; returns its JSON. */
export async function createHousehold(
  s: HouseholdsEdge,
  token: string,
  communeCode: string,
  people: Person[],
): Promise<Json> {
  const created = await api(s.edge.baseUrl, '/households', token, {
    method: 'POST',
    body: {
      communeCode,
      streetAddress: 'Số 5 Phố Kim Mã',
      area: 'urban',
      members: people.map((p) => ({ ethnicGroupCode: '01', ...p })),
      reason: 'Khai báo mới',
    },
  });
  if (created.status !== 201)
    throw new Error(`household not created: ${JSON.stringify(created.body)}`);
  return created.body;
}

export const memberNamed = (h: Json, name: string): Json =>
  h.members.find((m: Json) => m.fullName === name);
