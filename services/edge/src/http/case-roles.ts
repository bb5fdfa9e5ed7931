/**
 * Which roles open the case pages (hồ sơ trợ giúp xã hội) and which step forms a user is
 * offered. Reading needs officer, approver, analyst or auditor (as in the cases service). A
 * form is offered only to the role and level that takes the step: the commune officer files,
 * checks completeness (kiểm tra hồ sơ) and resolves review flags; the officer of the appraising
 * level appraises (thẩm định) and checks the population database (đối chiếu CSDL dân cư); the
 * approver of the deciding level decides (quyết định) or refuses (từ chối); variations are
 * decided by the approver of the commune (Decree 147/2025). The cases service decides every
 * call again; this only hides what a user cannot use.
 */
import type { Principal, Role } from '@posa/auth';
import type { CaseStatusName } from '../api/case-json';

export const CASE_PAGE_ROLES: readonly Role[] = ['officer', 'approver', 'analyst', 'auditor'];

/** Policy-catalogue versions are recorded by national officers (province officers: their base level). */
export const CATALOGUE_WRITE_ROLES: readonly Role[] = ['officer'];

export type Level = 'commune' | 'district';

/** The levels of a procedure rule (quy trình): who appraises and who decides. */
export interface ProcedureLevels {
  appraisalLevel: Level;
  decisionLevel: Level;
}

export const CASE_ACTIONS = [
  'completeness',
  'resubmit',
  'appraise',
  'verify',
  'approve',
  'reject',
  'change_eligibility',
  'suspend',
  'resume',
  'terminate',
  'transfer',
  'accept_transfer',
  'resolve_flag',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the offers depend on: the case's status, commune, open flags. */
export interface CaseFacts {
  status: CaseStatusName | null;
  communeCode: string;
  openFlags: number;
}

/** An officer bound to a commune (5-digit code) files that commune's applications. */
export function filesCasesOf(principal: Principal | undefined): string | undefined {
  if (principal === undefined || !principal.roles.has('officer')) return undefined;
  return /^[0-9]{5}$/.test(principal.unitCode) ? principal.unitCode : undefined;
}

/** The level at which the user stands for this case, if any. */
function levelFor(principal: Principal, communeCode: string): Level | undefined {
  if (principal.unitCode === communeCode) return 'commune';
  // A 2024 district (3 digits); the service checks that it held a predecessor of the commune.
  if (/^[0-9]{3}$/.test(principal.unitCode)) return 'district';
  return undefined;
}

/** May the user act at `wanted` (unknown levels: either level may)? */
function atLevel(own: Level | undefined, wanted: Level | undefined): boolean {
  return own !== undefined && (wanted === undefined || own === wanted);
}

const DECIDING: readonly (CaseStatusName | null)[] = ['checked', 'appraised', 'verified'];

/**
 * The step and variation forms to offer to `principal` on a case, in the order of the
 * procedure. `levels` are those of the case's procedure rule when known.
 */
export function caseActionsFor(
  principal: Principal | undefined,
  c: CaseFacts,
  levels?: ProcedureLevels,
): CaseAction[] {
  if (principal === undefined) return [];
  const officer = principal.roles.has('officer');
  const approver = principal.roles.has('approver');
  const level = levelFor(principal, c.communeCode);
  const ownCommune = level === 'commune';
  const out: CaseAction[] = [];
  const offer = (action: CaseAction, when: boolean): void => {
    if (when) out.push(action);
  };
  offer('completeness', officer && ownCommune && c.status === 'submitted');
  offer('resubmit', officer && ownCommune && c.status === 'returned');
  offer('appraise', officer && atLevel(level, levels?.appraisalLevel) && c.status === 'checked');
  offer('verify', officer && atLevel(level, levels?.appraisalLevel) && c.status === 'appraised');
  const decides = approver && atLevel(level, levels?.decisionLevel);
  offer('approve', decides && c.status === 'verified');
  offer('reject', decides && DECIDING.includes(c.status));
  const varies = approver && ownCommune;
  offer('change_eligibility', varies && c.status === 'active');
  offer('suspend', varies && c.status === 'active');
  offer('resume', varies && c.status === 'suspended');
  offer('terminate', varies && (c.status === 'active' || c.status === 'suspended'));
  offer('transfer', varies && (c.status === 'active' || c.status === 'suspended'));
  offer(
    'accept_transfer',
    approver && /^[0-9]{5}$/.test(principal.unitCode) && !ownCommune && c.status === 'transferred',
  );
  offer('resolve_flag', (officer || approver) && ownCommune && c.openFlags > 0);
  return out;
}
