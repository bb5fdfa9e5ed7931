/**
 * Moves of one household (biến động nhân khẩu) for officers of its commune: pick another
 * household of the commune by code, move a member to it, record a member moving out of the
 * commune (chuyển đi), split some members into a new household (tách hộ), merge the picked
 * household into this one (nhập hộ). Every form carries the versions read and a reason.
 */
import { RELATIONS, type HouseholdJson } from '../api/household-json';
import type { Flash } from '../http/session';
import { flashBox, formErrorBox, type FormState } from './account-parts';
import { areaText, headName, householdTabs, reasonField, relationText } from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import {
  liveMembers,
  memberOptions,
  relationOptions,
  selectField,
  textField,
} from './registry-quality-parts';

export interface MoveValues {
  memberId: string;
  relation: string;
  newHeadMemberId: string;
  destinationUnitCode: string;
  reason: string;
}

export interface SplitValues {
  /** member id → relation to the new head, for the members who join the new household. */
  joining: Record<string, string>;
  villageCode: string;
  streetAddress: string;
  area: string;
  remainingHeadMemberId: string;
  formerHeadRelation: string;
  reason: string;
}

export interface MergeValues {
  /** member id (of the picked household) → relation to this head. */
  relations: Record<string, string>;
  reason: string;
}

export type MoveFormName = 'move' | 'out' | 'split' | 'merge';

export interface MovesModel {
  household: HouseholdJson;
  targetCode: string;
  target?: HouseholdJson;
  /** Why the code typed picked nothing. */
  targetProblem?: string;
  flash?: Flash;
  /** The form posted last (refused), with its values and errors. */
  posted?: { name: MoveFormName; form: FormState; values: MoveValues | SplitValues | MergeValues };
}

const emptyMove = (): MoveValues => ({
  memberId: '',
  relation: '',
  newHeadMemberId: '',
  destinationUnitCode: '',
  reason: '',
});

function formOf(model: MovesModel, name: MoveFormName): FormState {
  return model.posted?.name === name ? model.posted.form : { fieldErrors: {} };
}

function valuesOf<T>(model: MovesModel, name: MoveFormName, empty: T): T {
  return model.posted?.name === name ? (model.posted.values as T) : empty;
}

function hidden(ctx: PageContext, h: HouseholdJson): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    <input type="hidden" name="expected_version" value="${String(h.version)}" />`;
}

function targetPicker(ctx: PageContext, model: MovesModel): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const target = model.target;
  return html`<section aria-labelledby="target">
    <h2 id="target">${t('rq.target.heading')}</h2>
    <form method="get" action="/households/${h.id}/moves" class="toolbar" data-testid="target-form">
      <label for="target-code">${t('rq.target.code')}</label>
      <input id="target-code" name="target" value="${model.targetCode}" />
      <button type="submit">${t('rq.target.find')}</button>
    </form>
    ${model.targetProblem ? html`<p class="alert error" role="alert">${model.targetProblem}</p>` : ''}
    ${
      target
        ? html`<p class="alert" role="status" data-testid="target-chosen">
            ${t('rq.target.chosen', { code: target.code, head: headName(target), version: String(target.version) })}
          </p>`
        : html`<p class="hint">${t('rq.target.needed')}</p>`
    }
  </section>`;
}

function moveForm(ctx: PageContext, model: MovesModel, target: HouseholdJson): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const form = formOf(model, 'move');
  const v = valuesOf(model, 'move', emptyMove());
  const live = liveMembers(h.members);
  return html`<section aria-labelledby="move">
    <h2 id="move">${t('rq.move.heading')}</h2>
    ${formErrorBox(t, form)}
    <form
      method="post"
      action="/households/${h.id}/moves/member"
      class="form"
      data-testid="move-form"
    >
      ${hidden(ctx, h)}
      <input type="hidden" name="to_household_id" value="${target.id}" />
      <input type="hidden" name="to_expected_version" value="${String(target.version)}" />
      <input type="hidden" name="target_code" value="${target.code}" />
      ${selectField(t, form, 'move-member', 'member_id', t('hh.field.member_id'), memberOptions(t, live), v.memberId)}
      ${selectField(t, form, 'move-relation', 'relation', t('hh.field.relation'), relationOptions(t, RELATIONS, false), v.relation)}
      ${selectField(t, form, 'move-new-head', 'new_head_member_id', t('hh.field.new_head_member_id'), memberOptions(t, live), v.newHeadMemberId, t('rq.noNewHead'))}
      ${reasonField(t, form, v.reason, 'move-reason')}
      <button type="submit">${t('rq.move.submit')}</button>
    </form>
  </section>`;
}

function moveOutForm(ctx: PageContext, model: MovesModel): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const form = formOf(model, 'out');
  const v = valuesOf(model, 'out', emptyMove());
  const live = liveMembers(h.members);
  return html`<section aria-labelledby="move-out">
    <h2 id="move-out">${t('rq.moveOut.heading')}</h2>
    ${formErrorBox(t, form)}
    <form
      method="post"
      action="/households/${h.id}/moves/out"
      class="form"
      data-testid="move-out-form"
    >
      ${hidden(ctx, h)}
      ${selectField(t, form, 'out-member', 'member_id', t('hh.field.member_id'), memberOptions(t, live), v.memberId)}
      ${textField(t, form, 'out-destination', 'destination_unit_code', t('hh.field.destination_unit_code'), v.destinationUnitCode, t('rq.optional'))}
      ${selectField(t, form, 'out-new-head', 'new_head_member_id', t('hh.field.new_head_member_id'), memberOptions(t, live), v.newHeadMemberId, t('rq.noNewHead'))}
      ${reasonField(t, form, v.reason, 'out-reason')}
      <button type="submit">${t('rq.moveOut.submit')}</button>
    </form>
  </section>`;
}

function splitForm(ctx: PageContext, model: MovesModel): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const form = formOf(model, 'split');
  const v = valuesOf<SplitValues>(model, 'split', {
    joining: {},
    villageCode: h.villageCode ?? '',
    streetAddress: h.streetAddress,
    area: h.area ?? '',
    remainingHeadMemberId: '',
    formerHeadRelation: '',
    reason: '',
  });
  const live = liveMembers(h.members);
  return html`<section aria-labelledby="split">
    <h2 id="split">${t('rq.split.heading')}</h2>
    ${formErrorBox(t, form)}
    <form
      method="post"
      action="/households/${h.id}/moves/split"
      class="form"
      data-testid="split-form"
    >
      ${hidden(ctx, h)}
      <p class="hint">${t('rq.split.hint')}</p>
      <table class="units">
        <thead>
          <tr>
            <th scope="col">${t('hh.field.full_name')}</th>
            <th scope="col">${t('rq.split.joins')}</th>
            <th scope="col">${t('hh.field.relation')}</th>
          </tr>
        </thead>
        <tbody>
          ${live.map(
            (m) =>
              html`<tr data-testid="split-row">
                <td>${m.fullName} (${relationText(t, m.relation)})</td>
                <td>
                  <input
                    type="checkbox"
                    id="split-${m.id}"
                    name="split.${m.id}"
                    value="on"
                    ${v.joining[m.id] !== undefined ? html` checked` : ''}
                    aria-label="${t('rq.split.joins')}: ${m.fullName}"
                  />
                </td>
                <td>
                  ${selectField(t, form, `split-relation-${m.id}`, `relation.${m.id}`, t('hh.field.relation'), relationOptions(t, RELATIONS, true), v.joining[m.id] ?? '')}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${textField(t, form, 'split-village', 'village_code', t('hh.field.village_code'), v.villageCode, t('rq.optional'))}
      ${textField(t, form, 'split-street', 'street_address', t('hh.field.street_address'), v.streetAddress)}
      ${selectField(
        t,
        form,
        'split-area',
        'area',
        t('hh.field.area'),
        ['rural', 'urban'].map((a) => ({ value: a, label: areaText(t, a) })),
        v.area,
      )}
      ${selectField(t, form, 'split-remaining-head', 'remaining_head_member_id', t('hh.field.remaining_head_member_id'), memberOptions(t, live), v.remainingHeadMemberId, t('rq.noNewHead'))}
      ${selectField(t, form, 'split-former-head', 'former_head_relation', t('hh.field.former_head_relation'), relationOptions(t, RELATIONS, false), v.formerHeadRelation)}
      ${reasonField(t, form, v.reason, 'split-reason')}
      <button type="submit" data-testid="split-submit">${t('rq.split.submit')}</button>
    </form>
  </section>`;
}

function mergeForm(ctx: PageContext, model: MovesModel, target: HouseholdJson): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const form = formOf(model, 'merge');
  const v = valuesOf<MergeValues>(model, 'merge', { relations: {}, reason: '' });
  return html`<section aria-labelledby="merge">
    <h2 id="merge">${t('rq.merge.heading')}</h2>
    ${formErrorBox(t, form)}
    <form
      method="post"
      action="/households/${h.id}/moves/merge"
      class="form"
      data-testid="merge-form"
    >
      ${hidden(ctx, h)}
      <input type="hidden" name="absorbed_household_id" value="${target.id}" />
      <input type="hidden" name="absorbed_expected_version" value="${String(target.version)}" />
      <input type="hidden" name="target_code" value="${target.code}" />
      <p class="hint">${t('rq.merge.hint')}</p>
      ${liveMembers(target.members).map((m) =>
        selectField(
          t,
          form,
          `merge-relation-${m.id}`,
          `relation.${m.id}`,
          `${m.fullName} (${relationText(t, m.relation)})`,
          relationOptions(t, RELATIONS, false),
          v.relations[m.id] ?? '',
        ),
      )}
      ${reasonField(t, form, v.reason, 'merge-reason')}
      <button type="submit">${t('rq.merge.submit')}</button>
    </form>
  </section>`;
}

export function householdMovesPage(ctx: PageContext, model: MovesModel): string {
  const { t } = ctx;
  const h = model.household;
  const target = model.target;
  return layout(
    { ...ctx, section: 'households' },
    t('rq.moves.heading', { code: h.code }),
    html`<p class="crumbs"><a href="/households">${t('hh.heading')}</a></p>
      <h1>${t('rq.moves.heading', { code: h.code })}</h1>
      ${householdTabs(t, h.id, 'detail')} ${flashBox(t, model.flash)}
      <p class="hint">${t('rq.moves.intro')}</p>
      ${targetPicker(ctx, model)} ${target ? moveForm(ctx, model, target) : ''}
      ${moveOutForm(ctx, model)} ${splitForm(ctx, model)}
      ${target ? mergeForm(ctx, model, target) : ''}`,
  );
}
