import fc from 'fast-check';
import { FailedPreconditionError } from '@posa/platform';
import { CASE_STATUSES } from './case-record';
import { ALLOWED_FROM, canTake, transition, type WorkflowAction } from './case-workflow';

const ACTIONS = Object.keys(ALLOWED_FROM) as WorkflowAction[];

describe('case workflow', () => {
  it('walks the full path from filing to decision, with one return on the way', () => {
    let s = transition('submitted', 'return');
    expect(s).toBe('returned');
    s = transition(s, 'resubmit');
    s = transition(s, 'check_complete');
    s = transition(s, 'appraise');
    s = transition(s, 'verify');
    expect(transition(s, 'approve')).toBe('active');
  });

  it('rejects from every status before the decision, never after it', () => {
    for (const s of ['submitted', 'checked', 'appraised', 'verified'] as const) {
      expect(transition(s, 'reject')).toBe('rejected');
    }
    for (const s of ['returned', 'active', 'rejected', 'suspended', 'terminated'] as const) {
      expect(() => transition(s, 'reject')).toThrow(FailedPreconditionError);
    }
  });

  it('approves only a verified case', () => {
    expect(() => transition('appraised', 'approve')).toThrow(/needs a case that is verified/);
  });

  it('never leaves a final status, and refuses exactly the steps not allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.constantFrom(...ACTIONS), (s, a) => {
        if (canTake(s, a)) {
          expect(['active', 'rejected', 'terminated', 'transferred']).not.toContain(s);
          expect(transition(s, a)).not.toBe(s);
        } else {
          expect(() => transition(s, a)).toThrow(FailedPreconditionError);
        }
      }),
    );
  });
});
