/**
 * The provider's own pages (sign-in, sign-out confirmation, errors) in Vietnamese and
 * English. Every value is escaped; no inline script or style (the CSP forbids both).
 */
export type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Đăng nhập POSA',
    heading: 'Đăng nhập',
    devNote: 'Máy chủ định danh dành cho phát triển (chạy nhúng). Không dùng cho vận hành thật.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    cancel: 'Huỷ',
    other: 'English',
    wrong: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    disabled: 'Tài khoản đã bị khoá. Hãy liên hệ quản trị viên đơn vị.',
    temporary:
      'Mật khẩu này là mật khẩu tạm thời. Máy chủ phát triển không hỗ trợ đổi mật khẩu; hãy nhờ quản trị viên đặt mật khẩu cố định.',
    missing: 'Hãy nhập tên đăng nhập và mật khẩu.',
    logoutTitle: 'Đăng xuất',
    logoutQuestion: 'Bạn muốn đăng xuất khỏi POSA?',
    logoutYes: 'Đăng xuất',
    logoutNo: 'Ở lại',
    signedOut: 'Bạn đã đăng xuất.',
    error: 'Không thực hiện được yêu cầu',
  },
  en: {
    title: 'Sign in to POSA',
    heading: 'Sign in',
    devNote: 'Development identity provider (embedded run). Not for production use.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel',
    other: 'Tiếng Việt',
    wrong: 'Wrong username or password.',
    disabled: 'This account is locked. Ask your unit administrator.',
    temporary:
      'This is a temporary password. The development provider cannot change passwords; ask an administrator to set a permanent one.',
    missing: 'Enter your username and password.',
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out of POSA?',
    logoutYes: 'Sign out',
    logoutNo: 'Stay signed in',
    signedOut: 'You are signed out.',
    error: 'The request could not be completed',
  },
} as const;

export type MessageKey = 'wrong' | 'disabled' | 'temporary' | 'missing';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The first hint that names `en` or `vi` (query, form, ui_locales); Vietnamese by default. */
export function chooseLang(...hints: Array<string | undefined>): Lang {
  for (const hint of hints) {
    if (hint === undefined || hint === '') continue;
    const first = hint.split(/[\s,;]/)[0]!.toLowerCase();
    if (first.startsWith('en')) return 'en';
    if (first.startsWith('vi')) return 'vi';
  }
  return 'vi';
}

function page(lang: Lang, title: string, body: string, cssHref: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(cssHref)}">
</head>
<body>
<main class="card">
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  lang: Lang;
  action: string;
  /** The same page in the other language. */
  switchHref: string;
  cssHref: string;
  username?: string;
  message?: MessageKey;
}

export function loginPage(input: LoginPageInput): string {
  const t = TEXT[input.lang];
  const alert =
    input.message === undefined
      ? ''
      : `<p class="alert" role="alert">${escapeHtml(t[input.message])}</p>`;
  return page(
    input.lang,
    t.title,
    `<p class="lang"><a href="${escapeHtml(input.switchHref)}">${t.other}</a></p>
<h1>${t.heading}</h1>
<p class="note">${t.devNote}</p>
${alert}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<input type="hidden" name="lang" value="${input.lang}">
<label for="username">${t.username}</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(input.username ?? '')}">
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="action" value="login">${t.submit}</button>
<button type="submit" name="action" value="abort" formnovalidate class="secondary">${t.cancel}</button>
</form>`,
    input.cssHref,
  );
}

/** Sign-out confirmation around oidc-provider's own form (which carries its xsrf token). */
export function logoutPage(lang: Lang, providerForm: string, cssHref: string): string {
  const t = TEXT[lang];
  return page(
    lang,
    t.logoutTitle,
    `<h1>${t.logoutTitle}</h1>
<p>${t.logoutQuestion}</p>
${providerForm}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${t.logoutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.logoutNo}</button>`,
    cssHref,
  );
}

export function messagePage(
  lang: Lang,
  text: 'signedOut' | 'error',
  detail: string,
  cssHref: string,
): string {
  const t = TEXT[lang];
  return page(
    lang,
    t[text],
    `<h1>${t[text]}</h1>${detail === '' ? '' : `<p>${escapeHtml(detail)}</p>`}`,
    cssHref,
  );
}

export const STYLESHEET = `body{font-family:system-ui,sans-serif;background:#f3f5f7;margin:0;padding:48px 16px;color:#1d2733}
.card{max-width:380px;margin:0 auto;background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:24px 28px}
h1{font-size:1.4rem;margin:0 0 12px}.note{font-size:.85rem;color:#7a4a00;background:#fff6e0;padding:8px;border-radius:4px}
.alert{color:#8a1020;background:#fdecee;padding:8px;border-radius:4px}.lang{text-align:right;margin:0;font-size:.9rem}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:8px;font-size:1rem;border:1px solid #9aa6b2;border-radius:4px}
button{margin-top:16px;margin-right:8px;padding:8px 16px;font-size:1rem;border:0;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#e3e8ee;color:#1d2733}`;
