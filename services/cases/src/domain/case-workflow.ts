/**
 * The workflow of a case from application to decision: which step may be taken from which
 * status and where it leads. Filing (nộp hồ sơ) -> completeness check (kiểm tra) -> appraisal
 * (thẩm định) -> check against the national population database (xác thực) -> decision
 * (quyết định) or written refusal. Variations of active cases are in variation.ts.
 */
import { FailedPreconditionError } from '@posa/platform';
import type { CaseStatus } from './case-record';

export type WorkflowAction =
  'check_complete' | 'return' | 'resubmit' | 'appraise' | 'verify' | 'approve' | 'reject';

/** The statuses each action may start from. */
export const ALLOWED_FROM: Readonly<Record<WorkflowAction, readonly CaseStatus[]>> = {
  check_complete: ['submitted'],
  return: ['submitted'],
  resubmit: ['returned'],
  appraise: ['checked'],
  verify: ['appraised'],
  approve: ['verified'],
  reject: ['submitted', 'checked', 'appraised', 'verified'],
};

/** Where a successful action leads (a failed verification stays appraised). */
export const LEADS_TO: Readonly<Record<WorkflowAction, CaseStatus>> = {
  check_complete: 'checked',
  return: 'returned',
  resubmit: 'submitted',
  appraise: 'appraised',
  verify: 'verified',
  approve: 'active',
  reject: 'rejected',
};

export function canTake(status: CaseStatus, action: WorkflowAction): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** The next status; FAILED_PRECONDITION naming the current status when the step is not open. */
export function transition(status: CaseStatus, action: WorkflowAction): CaseStatus {
  if (!canTake(status, action)) {
    throw new FailedPreconditionError(
      `status: the case is ${status}; ${action} needs a case that is ` +
        ALLOWED_FROM[action].join(' or '),
    );
  }
  return LEADS_TO[action];
}
