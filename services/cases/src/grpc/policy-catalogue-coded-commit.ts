/**
 * Edits of the code-keyed catalogue entities: allowance categories (a new code, optionally
 * replacing one), care-support types and emergency-assistance forms (new versions of a code).
 */
import type pg from 'pg';
import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError } from '@posa/platform';
import {
  versionsToClose,
  type AllowanceCategory,
  type CareSupportType,
  type EmergencyAssistanceType,
} from '../domain/policy-catalogue';
import { insertCareSupportType, insertCategory, insertEmergencyType } from '../store/policy-store';
import { apply, edited, validity, type Actor, type Recorded } from './policy-catalogue-commit';
import type { EditInput } from './policy-catalogue-mapping';

export function recordCategory(
  pool: pg.Pool,
  actor: Actor,
  input: Pick<AllowanceCategory, 'code' | 'group' | 'decree' | 'nameVi'> & {
    replacesCode: string | null;
    edit: EditInput;
  },
): Promise<Recorded<AllowanceCategory>> {
  return edited(pool, async (client, catalogue) => {
    const { edit } = input;
    let toClose: AllowanceCategory[] = versionsToClose([], edit.validFrom, actor.today);
    if (catalogue.categories.some((c) => c.code === input.code)) {
      throw new AlreadyExistsError(`code: category ${input.code} already exists`);
    }
    if (input.replacesCode !== null) {
      const replaced = catalogue.categories.find((c) => c.code === input.replacesCode);
      if (replaced === undefined)
        throw new InvalidArgumentError('replaces_code', 'unknown category');
      toClose = versionsToClose([replaced], edit.validFrom, actor.today);
      if (toClose.length === 0) {
        throw new FailedPreconditionError(
          `replaces_code: category ${replaced.code} is not in force on valid_from`,
        );
      }
    }
    const created: AllowanceCategory = {
      code: input.code,
      group: input.group,
      decree: input.decree,
      nameVi: input.nameVi,
      ...validity(edit),
    };
    const key = (c: AllowanceCategory) => c.code;
    return apply(client, 'allowance_category', key, created, toClose, insertCategory, actor, edit);
  });
}

export function recordCareSupportType(
  pool: pg.Pool,
  actor: Actor,
  input: Pick<CareSupportType, 'code' | 'nameVi' | 'coefficientHundredths'> & { edit: EditInput },
): Promise<Recorded<CareSupportType>> {
  return edited(pool, async (client, catalogue) => {
    const { edit, code } = input;
    const same = catalogue.careSupportTypes.filter((t) => t.code === code);
    const toClose = versionsToClose(same, edit.validFrom, actor.today);
    const created: CareSupportType = {
      code,
      nameVi: input.nameVi,
      coefficientHundredths: input.coefficientHundredths,
      ...validity(edit),
    };
    const key = (t: CareSupportType) => t.code;
    return apply(
      client,
      'care_support_type',
      key,
      created,
      toClose,
      insertCareSupportType,
      actor,
      edit,
    );
  });
}

export function recordEmergencyType(
  pool: pg.Pool,
  actor: Actor,
  input: Pick<EmergencyAssistanceType, 'code' | 'nameVi' | 'descriptionVi'> & { edit: EditInput },
): Promise<Recorded<EmergencyAssistanceType>> {
  return edited(pool, async (client, catalogue) => {
    const { edit, code } = input;
    const same = catalogue.emergencyTypes.filter((t) => t.code === code);
    const toClose = versionsToClose(same, edit.validFrom, actor.today);
    const created: EmergencyAssistanceType = {
      code,
      nameVi: input.nameVi,
      descriptionVi: input.descriptionVi,
      ...validity(edit),
    };
    const key = (t: EmergencyAssistanceType) => t.code;
    return apply(
      client,
      'emergency_assistance_type',
      key,
      created,
      toClose,
      insertEmergencyType,
      actor,
      edit,
    );
  });
}
