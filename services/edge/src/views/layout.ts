/** The page frame of the staff console: header, navigation, language switch, sign-out. */
import type { Language, Translate } from '../i18n';
import { html, query, type SafeHtml } from './html';

export interface PageContext {
  t: Translate;
  lang: Language;
  /** Path and query of the current page (language switch returns here). */
  currentUrl: string;
  /** Token for the POST forms of this page. */
  csrfToken: string;
  signedIn: boolean;
  /** Which navigation entry is current. */
  section?: Section;
  /** Entries the user's roles allow (accounts: administrators; audit: auditors). */
  nav?: {
    accounts: boolean;
    audit: boolean;
    households?: boolean;
    cases?: boolean;
    payments?: boolean;
  };
}

export type Section =
  | 'home'
  | 'units'
  | 'accounts'
  | 'audit'
  | 'compromised'
  | 'households'
  | 'imports'
  | 'reviews'
  | 'duplicates'
  | 'samples'
  | 'standards'
  | 'cases'
  | 'policies'
  | 'onlineApplications'
  | 'complaints'
  | 'payments'
  | 'reconciliation';

function languageSwitch(ctx: PageContext): SafeHtml {
  const link = (lang: Language, label: string): SafeHtml =>
    lang === ctx.lang
      ? html`<strong aria-current="true" lang="${lang}">${label}</strong>`
      : html`<a
          href="/lang/${lang}${query({ return: ctx.currentUrl })}"
          lang="${lang}"
          hreflang="${lang}"
          >${label}</a
        >`;
  return html`<nav class="lang" aria-label="${ctx.t('nav.language')}">
    ${link('vi', 'Tiếng Việt')} · ${link('en', 'English')}
  </nav>`;
}

function navigation(ctx: PageContext): SafeHtml {
  const item = (section: Section, href: string, label: string): SafeHtml =>
    html`<a href="${href}" ${ctx.section === section ? html` aria-current="page"` : ''}
      >${label}</a
    >`;
  if (!ctx.signedIn) return html`<a class="button" href="/login">${ctx.t('nav.signIn')}</a>`;
  return html`${item('home', '/', ctx.t('nav.home'))}${item('units', '/units', ctx.t('nav.units'))}
    ${ctx.nav?.households ? item('households', '/households', ctx.t('nav.households')) : ''}
    ${ctx.nav?.households ? item('imports', '/imports', ctx.t('nav.imports')) : ''}
    ${ctx.nav?.households ? item('reviews', '/review-rounds', ctx.t('nav.reviews')) : ''}
    ${ctx.nav?.households ? item('duplicates', '/duplicates', ctx.t('nav.duplicates')) : ''}
    ${ctx.nav?.households ? item('samples', '/samples', ctx.t('nav.samples')) : ''}
    ${item('standards', '/poverty-standards', ctx.t('nav.standards'))}
    ${ctx.nav?.cases ? item('cases', '/cases', ctx.t('nav.cases')) : ''}
    ${
      ctx.nav?.cases
        ? item('onlineApplications', '/online-applications', ctx.t('nav.onlineApplications'))
        : ''
    }
    ${ctx.nav?.cases ? item('complaints', '/complaints', ctx.t('nav.complaints')) : ''}
    ${ctx.nav?.payments ? item('payments', '/payrolls', ctx.t('nav.payments')) : ''}
    ${
      ctx.nav?.payments
        ? item('reconciliation', '/reconciliation', ctx.t('nav.reconciliation'))
        : ''
    }
    ${item('policies', '/policy-catalogue', ctx.t('nav.policies'))}
    ${ctx.nav?.accounts ? item('accounts', '/accounts', ctx.t('nav.accounts')) : ''}
    ${ctx.nav?.audit ? item('audit', '/audit', ctx.t('nav.audit')) : ''}
    ${item('compromised', '/account/compromised', ctx.t('nav.compromised'))}
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <button type="submit" class="link">${ctx.t('nav.signOut')}</button>
    </form>`;
}

/** `head` adds elements to the document head (e.g. the refresh of a running import). */
export function layout(ctx: PageContext, title: string, body: SafeHtml, head?: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${ctx.t('app.short')}</title>
        <link rel="stylesheet" href="/static/console.css" />
        <link rel="stylesheet" href="/static/accounts.css" />
        <script src="/static/console.js" defer></script>
        ${head ?? ''}
      </head>
      <body>
        <a class="skip" href="#main">${ctx.t('nav.skip')}</a>
        <header class="top">
          <a class="brand" href="/">${ctx.t('app.short')}</a>
          <span class="tagline">${ctx.t('app.title')}</span>
          <nav class="main" aria-label="${ctx.t('nav.home')}">${navigation(ctx)}</nav>
          ${languageSwitch(ctx)}
        </header>
        <main id="main">${body}</main>
      </body>
    </html>`.value;
}

/** An error box: the headline in the user's language, the service's reason as detail. */
export function errorBox(t: Translate, headline: string, detail?: string): SafeHtml {
  return html`<div class="alert error" role="alert">
    <p><strong>${headline}</strong></p>
    ${detail ? html`<p class="detail">${t('error.detail')}: ${detail}</p>` : ''}
  </div>`;
}
