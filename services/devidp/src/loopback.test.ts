import { loopbackUriAllowed } from './loopback';

const REGISTERED = ['http://127.0.0.1/auth/callback', 'http://localhost/auth/callback'];

describe('loopbackUriAllowed', () => {
  it('accepts the registered path on any loopback port', () => {
    expect(loopbackUriAllowed('http://127.0.0.1:8080/auth/callback', REGISTERED)).toBe(true);
    expect(loopbackUriAllowed('http://localhost:41234/auth/callback', REGISTERED)).toBe(true);
    expect(loopbackUriAllowed('http://127.0.0.1/auth/callback', REGISTERED)).toBe(true);
  });

  it('refuses other hosts, schemes, paths, queries, fragments and credentials', () => {
    for (const uri of [
      'http://evil.example:8080/auth/callback',
      'https://127.0.0.1:8080/auth/callback',
      'http://127.0.0.1:8080/auth/callback/extra',
      'http://127.0.0.1:8080/other',
      'http://127.0.0.1:8080/auth/callback?next=x',
      'http://127.0.0.1:8080/auth/callback#x',
      'http://user:pw@127.0.0.1:8080/auth/callback',
      'http://127.0.0.1.evil.example/auth/callback',
      'not a url',
    ]) {
      expect([uri, loopbackUriAllowed(uri, REGISTERED)]).toEqual([uri, false]);
    }
  });

  it('accepts nothing for a client without loopback URIs unless it is listed exactly', () => {
    expect(loopbackUriAllowed('http://127.0.0.1:1/cb', ['https://posa.example/cb'])).toBe(false);
    expect(loopbackUriAllowed('https://posa.example/cb', ['https://posa.example/cb'])).toBe(true);
  });
});
