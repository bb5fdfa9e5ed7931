/**
 * Roles of POSA staff accounts (vai trò). They are Keycloak realm roles and arrive in the
 * access token under `realm_access.roles`. Which tier may hold or grant which role is data
 * owned by the identity service; this module only names them.
 */
export const ROLES = [
  'system_admin', // quản trị hệ thống
  'unit_admin', // quản trị đơn vị: issues accounts for its unit and the units below
  'officer', // cán bộ nghiệp vụ: enters and processes data
  'approver', // lãnh đạo phê duyệt: decides
  'analyst', // cán bộ thống kê, báo cáo: reads and reports
  'auditor', // kiểm tra, thanh tra: reads the audit trail
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
