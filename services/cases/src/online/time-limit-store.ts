/** Time limits of the citizen-facing services (citizen_service_time_limit, tagged data). */
import { FailedPreconditionError } from '@posa/platform';
import type { Queryable } from '../store/policy-store';

export type TimeLimitCode = 'online_acceptance' | 'complaint_answer';

/** Working days of the limit; FAILED_PRECONDITION when an administrator removed the row. */
export async function loadWorkingDays(db: Queryable, code: TimeLimitCode): Promise<number> {
  const { rows } = await db.query<{ working_days: number }>(
    'SELECT working_days FROM citizen_service_time_limit WHERE code = $1',
    [code],
  );
  const row = rows[0];
  if (row === undefined) throw new FailedPreconditionError(`time limit ${code} is not configured`);
  return row.working_days;
}
