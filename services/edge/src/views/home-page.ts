/** Home: the signed-in user's unit, tier and roles. */
import type { UnitJson } from '../api/unit-json';
import { isMessageKey } from '../i18n';
import { html } from './html';
import { layout, type PageContext } from './layout';

export type Tier = 'national' | 'province' | 'district' | 'commune' | 'unknown';

export interface HomeModel {
  unitCode: string;
  unit: UnitJson | null;
  tier: Tier;
  roles: string[];
}

export function homePage(ctx: PageContext, model: HomeModel): string {
  const { t } = ctx;
  const roleLabel = (role: string): string => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
  const unitName =
    model.tier === 'national' ? t('tier.national') : (model.unit?.name ?? t('home.unitUnknown'));
  const unitLink = model.unit
    ? html`<p><a class="button" href="/units/${model.unit.code}">${t('home.openUnit')}</a></p>`
    : '';
  return layout(
    ctx,
    t('home.heading'),
    html`<h1>${t('home.heading')}</h1>
      <p>${t('home.intro')}</p>
      <dl class="facts" data-testid="home-facts">
        <dt>${t('home.unit')}</dt>
        <dd data-testid="unit-name">${unitName}</dd>
        <dt>${t('home.unitCode')}</dt>
        <dd>${model.unitCode}</dd>
        <dt>${t('home.tier')}</dt>
        <dd data-testid="tier">${t(`tier.${model.tier}`)}</dd>
        <dt>${t('home.roles')}</dt>
        <dd data-testid="roles">
          ${
            model.roles.length === 0
              ? t('home.noRoles')
              : html`<ul class="tags">
                  ${model.roles.map((r) => html`<li>${roleLabel(r)}</li>`)}
                </ul>`
          }
        </dd>
      </dl>
      ${unitLink}`,
  );
}
