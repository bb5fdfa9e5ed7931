/**
 * Reading the posted move forms (household page, moves section): versions and optional
 * member ids from hidden fields and selects, the per-member relations (`relation.<id>`), the
 * members chosen for a split (`split.<id>`), and the service's `members[i]` fields mapped
 * back to the form field of that member.
 */
import type { Request } from 'express';
import type { MemberRelation } from '@posa/proto';
import { badRequest } from '../http/errors';
import { formText } from '../routes/household-support';
import type {
  MergeValues,
  MoveFormName,
  MoveValues,
  SplitValues,
} from '../views/household-moves-page';
import { isUuid } from './household-params';

/** A version from a hidden field; 400 naming `field` when missing. */
export function versionField(req: Request, name: string, field: string): number {
  const v = Number(formText(req, name, 10));
  if (!Number.isInteger(v) || v < 1) throw badRequest(field, 'is missing');
  return v;
}

/** An optional member id from a select ('' when none). */
export function optionalId(req: Request, name: string): string {
  const v = formText(req, name, 40).trim();
  if (v === '') return '';
  if (!isUuid(v)) throw badRequest(name, 'must be a member of the list');
  return v.toLowerCase();
}

/** Pairs `relation.<member id>` of the posted form, in form order. */
export function relationsPosted(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.body as Record<string, unknown>)) {
    const m = /^relation\.(.+)$/.exec(key);
    if (m && isUuid(m[1]) && typeof value === 'string')
      out[m[1].toLowerCase()] = value.slice(0, 40);
  }
  return out;
}

/** `members[i].x` of the service → the form field of that member's relation. */
export function memberField(
  field: string | undefined,
  sent: readonly MemberRelation[],
): string | undefined {
  const m = field === undefined ? null : /^members\[(\d+)\]/.exec(field);
  const member = m ? sent[Number(m[1])] : undefined;
  return member ? `relation.${member.memberId}` : field;
}

/** The values of a posted form, kept to re-render it. */
export function valuesFrom(
  req: Request,
  name: MoveFormName,
): MoveValues | SplitValues | MergeValues {
  const reason = formText(req, 'reason');
  if (name === 'split') {
    const relations = relationsPosted(req);
    const joining: Record<string, string> = {};
    for (const key of Object.keys(req.body as Record<string, unknown>)) {
      const m = /^split\.(.+)$/.exec(key);
      if (m && isUuid(m[1])) joining[m[1].toLowerCase()] = relations[m[1].toLowerCase()] ?? '';
    }
    return {
      joining,
      villageCode: formText(req, 'village_code', 50),
      streetAddress: formText(req, 'street_address', 300),
      area: formText(req, 'area', 10),
      remainingHeadMemberId: formText(req, 'remaining_head_member_id', 40),
      formerHeadRelation: formText(req, 'former_head_relation', 40),
      reason,
    };
  }
  if (name === 'merge') return { relations: relationsPosted(req), reason };
  return {
    memberId: formText(req, 'member_id', 40),
    relation: formText(req, 'relation', 40),
    newHeadMemberId: formText(req, 'new_head_member_id', 40),
    destinationUnitCode: formText(req, 'destination_unit_code', 10),
    reason,
  };
}
