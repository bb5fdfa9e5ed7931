/**
 * Validation of a field check (kiểm tra thực địa) of one sampled household: every checked
 * field is classified from the field catalogue and counted; the counts are the
 * denominators of the error rates.
 */
import { InvalidArgumentError } from '@posa/platform';
import { IDENTITY_FIELDS, isFieldCode, kindOfField } from './sampling-fields';
import type { Tally } from './sampling-result';

export interface RawFieldCheck {
  field: string;
  memberId: string;
  error: boolean;
}

export interface ClassifiedCheck {
  field: string;
  memberId: string | null;
  kind: 'identity' | 'other';
  error: boolean;
}

export interface CheckedItem {
  checks: ClassifiedCheck[];
  identity: Tally;
  other: Tally;
}

export const MAX_NOTE_LENGTH = 2000;

/** `memberIds`: the members of the sampled household a member field may name. */
export function classifyChecks(
  raw: readonly RawFieldCheck[],
  memberIds: ReadonlySet<string>,
): CheckedItem {
  if (raw.length === 0) throw new InvalidArgumentError('checks', 'must list the fields checked');
  const seen = new Set<string>();
  const checks = raw.map((c, i): ClassifiedCheck => {
    const field = c.field.trim();
    const memberId = c.memberId.trim();
    if (!isFieldCode(field)) {
      throw new InvalidArgumentError(`checks[${i}].field`, 'must be a lower-case field code');
    }
    const identity = IDENTITY_FIELDS.get(field);
    if (identity?.memberField === true && memberId === '') {
      throw new InvalidArgumentError(`checks[${i}].member_id`, `is required for ${field}`);
    }
    if (identity?.memberField === false && memberId !== '') {
      throw new InvalidArgumentError(`checks[${i}].member_id`, `must be empty for ${field}`);
    }
    if (memberId !== '' && !memberIds.has(memberId)) {
      throw new InvalidArgumentError(
        `checks[${i}].member_id`,
        'is not a member of the sampled household',
      );
    }
    const key = `${field}/${memberId}`;
    if (seen.has(key)) throw new InvalidArgumentError(`checks[${i}]`, 'checks a field twice');
    seen.add(key);
    return {
      field,
      memberId: memberId === '' ? null : memberId,
      kind: kindOfField(field),
      error: c.error,
    };
  });
  const tally = (kind: ClassifiedCheck['kind']): Tally => {
    const of = checks.filter((c) => c.kind === kind);
    return { checked: of.length, errors: of.filter((c) => c.error).length };
  };
  return { checks, identity: tally('identity'), other: tally('other') };
}

export function validateNote(raw: string): string {
  const note = raw.trim();
  if (note.length > MAX_NOTE_LENGTH) {
    throw new InvalidArgumentError('note', `must be at most ${MAX_NOTE_LENGTH} characters`);
  }
  return note;
}
