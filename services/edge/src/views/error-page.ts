/** Error pages of the console (refusals, missing pages, unavailable services). */
import type { HttpError } from '../http/errors';
import { isMessageKey, type MessageKey } from '../i18n';
import { html } from './html';
import { errorBox, layout, type PageContext } from './layout';

/** The user's-language headline of an error code. */
export function errorHeadline(ctx: Pick<PageContext, 't'>, error: HttpError): string {
  if (error.code === 'CSRF_TOKEN_INVALID') return ctx.t('error.CSRF');
  if (error.code === 'INVALID_ARGUMENT' && error.field !== undefined) {
    const fieldKey = `field.${error.field}`;
    const field = isMessageKey(fieldKey) ? ctx.t(fieldKey) : error.field;
    return ctx.t('error.invalidField', { field });
  }
  const key = `error.${error.code}`;
  return isMessageKey(key) ? ctx.t(key) : ctx.t('error.INTERNAL');
}

export function errorPage(ctx: PageContext, error: HttpError): string {
  const detail = error.code === 'INTERNAL' ? undefined : error.message;
  return layout(
    ctx,
    ctx.t('error.heading'),
    html`<h1>${ctx.t('error.heading')}</h1>
      ${errorBox(ctx.t, errorHeadline(ctx, error), detail)}
      <p><a href="/">${ctx.t('error.back')}</a></p>`,
  );
}

/** 403 for a page the user's roles do not open: the roles it needs and the user's own. */
export function forbiddenPage(
  ctx: PageContext,
  needed: readonly string[],
  held: readonly string[],
): string {
  const { t } = ctx;
  const names = (roles: readonly string[]): string =>
    roles.length === 0
      ? t('home.noRoles')
      : roles.map((r) => (isMessageKey(`role.${r}`) ? t(`role.${r}` as MessageKey) : r)).join(', ');
  return layout(
    ctx,
    t('forbidden.heading'),
    html`<h1>${t('forbidden.heading')}</h1>
      <div class="alert error" role="alert" data-testid="forbidden">
        <p><strong>${t('forbidden.needs', { roles: names(needed) })}</strong></p>
        <p>${t('forbidden.yours', { roles: names(held) })}</p>
      </div>
      <p><a href="/">${t('error.back')}</a></p>`,
  );
}

export function notFoundPage(ctx: PageContext): string {
  return layout(
    ctx,
    ctx.t('error.pageNotFound'),
    html`<h1>${ctx.t('error.pageNotFound')}</h1>
      <p><a href="/">${ctx.t('error.back')}</a></p>`,
  );
}

export function signedOutPage(ctx: PageContext): string {
  return layout(
    ctx,
    ctx.t('signedOut.heading'),
    html`<h1>${ctx.t('signedOut.heading')}</h1>
      <p><a class="button" href="/login">${ctx.t('signedOut.again')}</a></p>`,
  );
}
