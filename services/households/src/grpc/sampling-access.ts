/**
 * Who may do what with acceptance samples (deny by default). Draw, record checks and
 * decide: roles approver or officer of a unit above the commune that contains it (the
 * province or national level checks the commune's data, never the commune itself). Read:
 * the registry's read roles whose unit contains the commune; otherwise NOT_FOUND.
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { SampleRecord } from '../store/sampling-store';
import type { Units } from '@posa/units';
import { canReadRole } from './household-access';

export function assertSamplingDecider(
  principal: Principal,
  communeCode: string,
  units: Units,
): void {
  if (principal.isService || !(principal.roles.has('approver') || principal.roles.has('officer'))) {
    throw new PermissionDeniedError('acceptance sampling needs the role approver or officer');
  }
  if (principal.unitCode === communeCode || !isInJurisdiction(principal, communeCode, units.tree)) {
    throw new PermissionDeniedError(
      `samples of commune ${communeCode} are drawn and decided by a unit above it that contains it`,
    );
  }
}

export function readableSample(
  principal: Principal,
  id: string,
  sample: SampleRecord | undefined,
  units: Units,
): SampleRecord {
  if (!canReadRole(principal)) {
    throw new PermissionDeniedError('reading samples needs a registry read role');
  }
  if (sample === undefined || !isInJurisdiction(principal, sample.communeCode, units.tree)) {
    throw new NotFoundError(`sample ${id} not found`);
  }
  return sample;
}
