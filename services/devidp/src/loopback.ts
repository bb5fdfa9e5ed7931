/**
 * Redirect URIs of the development clients: any port on 127.0.0.1 or localhost, with the
 * registered scheme and path. Anything else must match a registered URI exactly.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function loopbackUriAllowed(value: string, registered: readonly string[]): boolean {
  if (registered.includes(value)) return true;
  let candidate: URL;
  try {
    candidate = new URL(value);
  } catch {
    return false;
  }
  if (candidate.protocol !== 'http:' || !LOOPBACK_HOSTS.has(candidate.hostname)) return false;
  if (candidate.username !== '' || candidate.password !== '' || candidate.hash !== '') return false;
  return registered.some((entry) => {
    const allowed = new URL(entry);
    return (
      allowed.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(allowed.hostname) &&
      allowed.pathname === candidate.pathname &&
      allowed.search === candidate.search
    );
  });
}
