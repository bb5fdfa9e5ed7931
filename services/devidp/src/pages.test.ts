import { chooseLang, loginPage, logoutPage, newPasswordPage } from './pages';

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

  it('asks for a new password, naming the field of each failure, in either language', () => {
    const vi = newPasswordPage({
      lang: 'vi',
      action: '/realms/posa/interaction/abc',
      switchHref: '/realms/posa/interaction/abc?lang=en',
      cssHref: '/c',
      username: '<b>x</b>',
      failures: ['newDigit', 'confirmMismatch'],
    });
    expect(vi).toContain('<h1>Đặt mật khẩu mới</h1>');
    expect(vi).toContain('Mật khẩu mới: cần ít nhất một chữ số.');
    expect(vi).toContain('Nhập lại mật khẩu mới: không khớp với mật khẩu mới.');
    expect(vi).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(vi).not.toContain('<script');
    expect(vi).not.toMatch(/ on[a-z]+=/);
    expect(vi).toContain('name="new_password"');
    expect(vi).toContain('name="confirm_password"');
    const en = newPasswordPage({
      lang: 'en',
      action: '/a',
      switchHref: '/a?lang=vi',
      cssHref: '/c',
      username: 'x',
    });
    expect(en).toContain('<h1>Set a new password</h1>');
    expect(en).toContain('Tiếng Việt');
    expect(en).not.toContain('role="alert"');
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
