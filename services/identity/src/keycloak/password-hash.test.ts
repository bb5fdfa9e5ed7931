import { hashPassword, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Mật-khẩu-2025');
    const b = await hashPassword('Mật-khẩu-2025');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Mật-khẩu-2025', a)).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2026', a)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });
});
