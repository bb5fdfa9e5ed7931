/**
 * What a citizen sees of an online application: whether the commune received, declined or
 * accepted it, then where the case stands. Never an amount, a coefficient or a category:
 * those are decided by the officers and told in the decision itself.
 */
import type { CaseStatus } from '../domain/case-record';

export type CitizenStatus =
  'received' | 'declined' | 'processing' | 'needs_documents' | 'approved' | 'rejected';

export type ApplicationStatus = 'received' | 'accepted' | 'declined';

export interface ApplicationView {
  status: ApplicationStatus;
  declineReason: string | null;
  updatedAt: string;
}

/** The linked case as far as the citizen may see it. */
export interface CaseView {
  code: string;
  status: CaseStatus;
  missingItems: string[];
  updatedAt: string;
  /** The latest approval (quyết định trợ cấp) or rejection, when the case has one. */
  approval: DecisionView | null;
  rejection: DecisionView | null;
}

export interface DecisionView {
  number: string;
  signedOn: string;
  /** YYYY-MM, approvals only. */
  effectiveMonth: string | null;
  reason: string | null;
}

export interface CitizenView {
  status: CitizenStatus;
  missingItems: string[];
  reason: string;
  decision: DecisionView | null;
  caseCode: string;
  updatedAt: string;
}

const APPROVED: ReadonlySet<CaseStatus> = new Set([
  'active',
  'suspended',
  'terminated',
  'transferred',
]);

const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

export function citizenView(app: ApplicationView, linked: CaseView | null): CitizenView {
  const base = {
    missingItems: [],
    reason: '',
    decision: null,
    caseCode: '',
    updatedAt: app.updatedAt,
  };
  if (app.status === 'received') return { ...base, status: 'received' };
  if (app.status === 'declined')
    return { ...base, status: 'declined', reason: app.declineReason ?? '' };
  if (linked === null) return { ...base, status: 'processing' };
  const common = {
    ...base,
    caseCode: linked.code,
    updatedAt: later(app.updatedAt, linked.updatedAt),
  };
  if (linked.status === 'returned') {
    return { ...common, status: 'needs_documents', missingItems: [...linked.missingItems] };
  }
  if (APPROVED.has(linked.status)) {
    return { ...common, status: 'approved', decision: linked.approval };
  }
  if (linked.status === 'rejected') {
    return {
      ...common,
      status: 'rejected',
      reason: linked.rejection?.reason ?? '',
      decision: linked.rejection,
    };
  }
  // submitted, checked, appraised, verified: the administration is working on it.
  return { ...common, status: 'processing' };
}
