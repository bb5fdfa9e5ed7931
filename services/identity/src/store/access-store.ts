/** Reads the access model (tiers, roles, grant rules, domain owners) from migration 0003's tables. */
import type pg from 'pg';
import type { AccessData } from '../domain/access-model';

type Queryable = Pick<pg.Pool, 'query'>;

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export async function loadAccessData(db: Queryable): Promise<AccessData> {
  const [tiers, roles, rules, owners] = await Promise.all([
    db.query(
      `SELECT code, rank, ${day('valid_from')} AS "validFrom", ${day('valid_to')} AS "validTo" FROM tier ORDER BY rank`,
    ),
    db.query(
      `SELECT code, ${day('valid_from')} AS "validFrom", ${day('valid_to')} AS "validTo" FROM role ORDER BY code`,
    ),
    db.query(
      `SELECT actor_role AS "actorRole", actor_tier AS "actorTier", grantable_role AS "grantableRole",
              target_tier AS "targetTier", relation, ${day('valid_from')} AS "validFrom", ${day('valid_to')} AS "validTo"
       FROM grant_rule ORDER BY id`,
    ),
    db.query(
      `SELECT domain, ministry_code AS "ministryCode", ${day('valid_from')} AS "validFrom", ${day('valid_to')} AS "validTo"
       FROM national_domain_owner ORDER BY domain, valid_from`,
    ),
  ]);
  return { tiers: tiers.rows, roles: roles.rows, rules: rules.rows, domainOwners: owners.rows };
}
