import { chooseLang, loginPage, logoutPage } from './pages';

describe('pages', () => {
  it('escapes what the user typed and holds no inline script or style', () => {
    const html = loginPage({
      lang: 'vi',
      action: '/realms/posa/interaction/abc',
      switchHref: '/realms/posa/interaction/abc?lang=en',
      cssHref: '/realms/posa/devidp.css',
      username: '"><script>alert(1)</script>',
      message: 'wrong',
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<style');
    expect(html).not.toMatch(/ on[a-z]+=/);
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(html).toContain('lang="vi"');
  });

  it('speaks English when asked', () => {
    const html = loginPage({
      lang: 'en',
      action: '/a',
      switchHref: '/a?lang=vi',
      cssHref: '/c',
      message: 'disabled',
    });
    expect(html).toContain('This account is locked.');
    expect(html).toContain('Tiếng Việt');
  });

  it('wraps the provider logout form', () => {
    const html = logoutPage('en', '<form id="op.logoutForm" method="post"></form>', '/c');
    expect(html).toContain('form="op.logoutForm"');
    expect(html).toContain('Sign out');
  });

  it('chooses Vietnamese unless a hint says otherwise', () => {
    expect(chooseLang(undefined, '')).toBe('vi');
    expect(chooseLang('en')).toBe('en');
    expect(chooseLang(undefined, 'en-US vi')).toBe('en');
    expect(chooseLang('vi', 'en')).toBe('vi');
    expect(chooseLang('fr')).toBe('vi');
  });
});
