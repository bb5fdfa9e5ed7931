/**
 * The result list of a round (danh sách kết quả rà soát): each assessed household's new
 * classification against its previous recognised one. Average living standard and not poor
 * are both "non-poor" here; a household never recognised before counts as non-poor.
 */
import type { Classification } from '../../domain/classify';

export type ChangeKind =
  | 'newly_poor' // hộ nghèo mới (from non-poor)
  | 'near_poor_to_poor' // cận nghèo → nghèo
  | 'poor_to_near_poor' // nghèo → cận nghèo
  | 'out_of_poverty' // thoát nghèo / thoát cận nghèo
  | 'new_near_poor' // hộ cận nghèo mới (from non-poor)
  | 'unchanged';

type Tier = 'poor' | 'near_poor' | 'non_poor';

const tierOf = (c: Classification | null): Tier =>
  c === 'poor' ? 'poor' : c === 'near_poor' ? 'near_poor' : 'non_poor';

/** The kind of change from `previous` (null: never recognised) to `current`. */
export function changeKindOf(previous: Classification | null, current: Classification): ChangeKind {
  const from = tierOf(previous);
  const to = tierOf(current);
  if (from === to) return 'unchanged';
  if (to === 'poor') return from === 'near_poor' ? 'near_poor_to_poor' : 'newly_poor';
  if (to === 'near_poor') return from === 'poor' ? 'poor_to_near_poor' : 'new_near_poor';
  return 'out_of_poverty';
}

export interface AssessedHousehold {
  householdId: string;
  previous: Classification | null;
  current: Classification;
}

export interface HouseholdChange extends AssessedHousehold {
  kind: ChangeKind;
}

/** One entry per assessed household, in the order given. */
export function changeList(households: readonly AssessedHousehold[]): HouseholdChange[] {
  return households.map((h) => ({ ...h, kind: changeKindOf(h.previous, h.current) }));
}
