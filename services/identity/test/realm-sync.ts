/**
 * The shared local Keycloak imports deploy/keycloak/posa-realm.json only when it starts. When
 * it was started before the realm file gave the `posa-services` service account its
 * realm-management roles, this applies exactly the roles the file declares (nothing more),
 * so the tests exercise the file's grants without restarting an engine others use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adminToken, getKeycloakUrl } from '@posa/testing';

interface RealmUser {
  username: string;
  serviceAccountClientId?: string;
  clientRoles?: Record<string, string[]>;
}

export async function applyServiceAccountRolesFromRealmFile(): Promise<void> {
  const file = path.join(__dirname, '..', '..', '..', 'deploy', 'keycloak', 'posa-realm.json');
  const realm = JSON.parse(readFileSync(file, 'utf8')) as { users?: RealmUser[] };
  const entry = realm.users?.find((u) => u.serviceAccountClientId === 'posa-services');
  if (entry?.clientRoles === undefined) return;
  const base = `${await getKeycloakUrl()}/admin/realms/posa`;
  const headers = {
    authorization: `Bearer ${await adminToken()}`,
    'content-type': 'application/json',
  };
  const get = async (p: string) => {
    const r = await fetch(`${base}${p}`, { headers });
    if (!r.ok) throw new Error(`GET ${p}: HTTP ${r.status}`);
    return r.json() as Promise<unknown>;
  };
  const [client] = (await get('/clients?clientId=posa-services')) as { id: string }[];
  const user = (await get(`/clients/${client!.id}/service-account-user`)) as { id: string };
  for (const [clientId, roleNames] of Object.entries(entry.clientRoles)) {
    const [owner] = (await get(`/clients?clientId=${encodeURIComponent(clientId)}`)) as {
      id: string;
    }[];
    const held = (await get(`/users/${user.id}/role-mappings/clients/${owner!.id}`)) as {
      name: string;
    }[];
    const missing = roleNames.filter((n) => !held.some((h) => h.name === n));
    if (missing.length === 0) continue;
    const reps = [];
    for (const name of missing) reps.push(await get(`/clients/${owner!.id}/roles/${name}`));
    const r = await fetch(`${base}/users/${user.id}/role-mappings/clients/${owner!.id}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(reps),
    });
    if (!r.ok) throw new Error(`assigning ${clientId} roles: HTTP ${r.status}`);
  }
}
