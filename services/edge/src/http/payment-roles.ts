/**
 * Which roles open the payment pages (chi trả) and which actions a user is offered. Reading needs
 * officer, approver, analyst or auditor (as in the payments service). The commune officer lập
 * danh sách (generates, regenerates while a draft) and records results; a province officer may
 * generate every commune's payroll of the province; the commune's approver duyệt (approves) and
 * khóa sổ (closes); officers and approvers of the commune and the units above download the
 * payment files. The payments service decides every call again; this only hides what a user
 * cannot use.
 */
import type { Principal, Role } from '@posa/auth';
import type { GenerationTarget, PayrollStatusName } from '../forms/payment-input';

export const PAYMENT_PAGE_ROLES: readonly Role[] = ['officer', 'approver', 'analyst', 'auditor'];

export const PAYROLL_ACTIONS = [
  'regenerate',
  'approve',
  'close',
  'download_files',
  'record_result',
  'upload_results',
] as const;
export type PayrollAction = (typeof PAYROLL_ACTIONS)[number];

/** What the offers depend on: the payroll's commune, province and status. */
export interface PayrollFacts {
  communeCode: string;
  provinceCode: string;
  status: PayrollStatusName | null;
}

/** The unit an officer generates payrolls for: their commune, or their whole province. */
export function generatesFor(principal: Principal | undefined): GenerationTarget | undefined {
  if (principal === undefined || !principal.roles.has('officer')) return undefined;
  if (/^[0-9]{5}$/.test(principal.unitCode)) return { kind: 'commune', code: principal.unitCode };
  if (/^[0-9]{2}$/.test(principal.unitCode)) return { kind: 'province', code: principal.unitCode };
  return undefined;
}

/** Is the user's unit the payroll's commune, its province, or the nation? */
function atOrAbove(principal: Principal, p: PayrollFacts): boolean {
  return (
    principal.unitCode === p.communeCode ||
    principal.unitCode === p.provinceCode ||
    principal.unitCode === 'VN'
  );
}

/** The actions to offer `principal` on a payroll, in the order of the month's work. */
export function payrollActionsFor(
  principal: Principal | undefined,
  p: PayrollFacts,
): PayrollAction[] {
  if (principal === undefined) return [];
  const officer = principal.roles.has('officer');
  const approver = principal.roles.has('approver');
  const ownCommune = principal.unitCode === p.communeCode;
  const ownProvince = principal.unitCode === p.provinceCode;
  const out: PayrollAction[] = [];
  const offer = (action: PayrollAction, when: boolean): void => {
    if (when) out.push(action);
  };
  offer('regenerate', officer && (ownCommune || ownProvince) && p.status === 'draft');
  offer('approve', approver && ownCommune && p.status === 'draft');
  offer('close', approver && ownCommune && p.status === 'approved');
  offer(
    'download_files',
    (officer || approver) &&
      atOrAbove(principal, p) &&
      (p.status === 'approved' || p.status === 'closed'),
  );
  offer('record_result', officer && ownCommune && p.status === 'closed');
  offer('upload_results', officer && ownCommune && p.status === 'closed');
  return out;
}
