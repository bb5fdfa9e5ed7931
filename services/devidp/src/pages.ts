/**
 * The provider's own pages (sign-in, sign-out confirmation, errors) in Vietnamese and
 * English. Every value is escaped; no inline script or style (the CSP forbids both).
 */
import type { PasswordFailure } from './password-policy';

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
    expired: 'Phiên đặt mật khẩu mới đã hết hạn. Hãy đăng nhập lại bằng mật khẩu tạm thời.',
    missing: 'Hãy nhập tên đăng nhập và mật khẩu.',
    newTitle: 'Đặt mật khẩu mới',
    newIntro:
      'Mật khẩu bạn vừa dùng là mật khẩu tạm thời. Hãy chọn mật khẩu mới: ít nhất 10 ký tự, có chữ số, chữ in hoa và chữ thường, không chứa tên đăng nhập.',
    account: 'Tài khoản',
    newPassword: 'Mật khẩu mới',
    confirmPassword: 'Nhập lại mật khẩu mới',
    newSubmit: 'Lưu và đăng nhập',
    newLength: 'Mật khẩu mới: cần từ 10 đến 128 ký tự.',
    newDigit: 'Mật khẩu mới: cần ít nhất một chữ số.',
    newUpper: 'Mật khẩu mới: cần ít nhất một chữ in hoa.',
    newLower: 'Mật khẩu mới: cần ít nhất một chữ thường.',
    newUsername: 'Mật khẩu mới: không được chứa tên đăng nhập.',
    newReused: 'Mật khẩu mới: không được dùng lại mật khẩu tạm thời.',
    confirmMismatch: 'Nhập lại mật khẩu mới: không khớp với mật khẩu mới.',
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
    expired:
      'The time to set a new password has run out. Sign in again with the temporary password.',
    missing: 'Enter your username and password.',
    newTitle: 'Set a new password',
    newIntro:
      'The password you used is temporary. Choose a new one: at least 10 characters, with a digit, an upper-case and a lower-case letter, not containing your username.',
    account: 'Account',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    newSubmit: 'Save and sign in',
    newLength: 'New password: needs 10 to 128 characters.',
    newDigit: 'New password: needs at least one digit.',
    newUpper: 'New password: needs at least one upper-case letter.',
    newLower: 'New password: needs at least one lower-case letter.',
    newUsername: 'New password: must not contain the username.',
    newReused: 'New password: must not be the temporary password.',
    confirmMismatch: 'Confirm new password: does not match the new password.',
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out of POSA?',
    logoutYes: 'Sign out',
    logoutNo: 'Stay signed in',
    signedOut: 'You are signed out.',
    error: 'The request could not be completed',
  },
} as const;

export type MessageKey = 'wrong' | 'disabled' | 'expired' | 'missing';

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

export interface NewPasswordPageInput {
  lang: Lang;
  action: string;
  switchHref: string;
  cssHref: string;
  username: string;
  failures?: readonly PasswordFailure[];
}

/** "Set a new password" after a correct temporary password (Keycloak's UPDATE_PASSWORD). */
export function newPasswordPage(input: NewPasswordPageInput): string {
  const t = TEXT[input.lang];
  const failures = input.failures ?? [];
  const alert =
    failures.length === 0
      ? ''
      : `<ul class="alert" role="alert">${failures.map((f) => `<li>${escapeHtml(t[f])}</li>`).join('')}</ul>`;
  return page(
    input.lang,
    t.newTitle,
    `<p class="lang"><a href="${escapeHtml(input.switchHref)}">${t.other}</a></p>
<h1>${t.newTitle}</h1>
<p class="note">${t.devNote}</p>
<p>${t.newIntro}</p>
<p>${t.account}: <strong>${escapeHtml(input.username)}</strong></p>
${alert}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<input type="hidden" name="lang" value="${input.lang}">
<label for="new_password">${t.newPassword}</label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required autofocus>
<label for="confirm_password">${t.confirmPassword}</label>
<input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required>
<button type="submit" name="action" value="change">${t.newSubmit}</button>
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
.alert{color:#8a1020;background:#fdecee;padding:8px;border-radius:4px}ul.alert{padding-left:28px}.lang{text-align:right;margin:0;font-size:.9rem}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:8px;font-size:1rem;border:1px solid #9aa6b2;border-radius:4px}
button{margin-top:16px;margin-right:8px;padding:8px 16px;font-size:1rem;border:0;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#e3e8ee;color:#1d2733}`;
