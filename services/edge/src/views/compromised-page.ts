/** "My password was lost or is known to someone else": the confirmation, then the locked page. */
import { html } from './html';
import { errorBox, layout, type PageContext } from './layout';
import type { Described } from './account-parts';

export function compromisedPage(ctx: PageContext, error?: Described): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'compromised' },
    t('compromised.heading'),
    html`<h1>${t('compromised.heading')}</h1>
      ${error ? errorBox(t, error.headline, error.detail) : ''}
      <form
        method="post"
        action="/account/compromised"
        class="panel form-wide"
        data-testid="compromised-form"
      >
        <p>${t('compromised.intro')}</p>
        <ul>
          <li>${t('compromised.effect1')}</li>
          <li>${t('compromised.effect2')}</li>
          <li>${t('compromised.effect3')}</li>
        </ul>
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <button type="submit" class="danger">${t('compromised.button')}</button>
      </form>`,
  );
}

export function lockedPage(ctx: PageContext): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('locked.heading'),
    html`<h1 data-testid="locked-heading">${t('locked.heading')}</h1>
      <div class="alert error" role="status">
        <p><strong>${t('locked.body')}</strong></p>
        <p>${t('locked.next')}</p>
      </div>`,
  );
}
