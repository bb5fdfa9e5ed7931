/**
 * The SQL form of "inside the caller's subtree" for rows that carry a unit's structure,
 * path and province (accounts, audit entries). Rows of the 2024 structure stay reachable
 * after the reform through their province: the 2025 province that took over the old one
 * (province_merger) sees them; lower units of 2025 do not, since old districts and communes
 * did not map one-to-one onto the new communes.
 */
export type JurisdictionScope =
  | { national: true }
  | {
      national: false;
      structure: '2024' | '2025';
      unitCode: string;
      path: string;
      isProvince: boolean;
    };

/** A WHERE fragment over `alias` using parameters from `$next` on, and those parameters. */
export function scopeCondition(
  scope: JurisdictionScope,
  alias: string,
  next: number,
): { sql: string; params: unknown[] } {
  if (scope.national) return { sql: 'TRUE', params: [] };
  const [s, p, c] = [next, next + 1, next + 2];
  const own = `(${alias}.unit_structure = $${s} AND (${alias}.unit_path = $${p} OR ${alias}.unit_path LIKE $${p} || '/%'))`;
  if (!(scope.isProvince && scope.structure === '2025')) {
    return { sql: own, params: [scope.structure, scope.path] };
  }
  const legacy = `(${alias}.unit_structure = '2024' AND ${alias}.province_code IN
      (SELECT old_province_code FROM province_merger WHERE new_province_code = $${c}))`;
  return { sql: `(${own} OR ${legacy})`, params: [scope.structure, scope.path, scope.unitCode] };
}
