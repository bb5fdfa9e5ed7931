/** AuditService: the audit trail for auditors and system administrators, within their subtree. */
import { hasRole, NATIONAL_UNIT_CODE } from '@posa/auth';
import {
  InvalidArgumentError,
  PermissionDeniedError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  AuditServiceService,
  type ListAuditEntriesRequest,
  type ListAuditEntriesResponse,
} from '@posa/proto';
import {
  callerOf,
  scopeOf,
  structureToday,
  type AccountDeps,
  type Caller,
} from '../accounts/account-context';
import { isUnitCode } from '../domain/account-input';
import { decodePageToken, pageOf, pageSizeOf } from '../domain/page-token';
import { listAuditEntries } from '../store/audit-query';
import { auditToProto } from './account-mapping';

function optional(value: string, field: string, max = 100): string | null {
  if (value === '') return null;
  if (value.length > max)
    throw new InvalidArgumentError(field, `must be at most ${max} characters`);
  return value;
}

/**
 * The subtree filter `subject_unit_code`: a unit of the structure in force inside the
 * caller's jurisdiction (PERMISSION_DENIED with the reason otherwise), or null when empty.
 */
async function subjectUnitScope(deps: AccountDeps, caller: Caller, value: string) {
  if (value === '') return null;
  const unit = value.trim();
  if (!isUnitCode(unit)) {
    throw new InvalidArgumentError(
      'subject_unit_code',
      'must be "VN" or the 2-, 3- or 5-digit code of a unit',
    );
  }
  const home = caller.actor.unitCode;
  if (home !== NATIONAL_UNIT_CODE) {
    const { tree } = structureToday(deps);
    if (unit === NATIONAL_UNIT_CODE || !tree.has(unit) || !tree.isWithin(unit, home)) {
      throw new PermissionDeniedError(
        `subject_unit_code ${unit} is outside the jurisdiction of unit ${home}`,
      );
    }
  }
  return scopeOf(deps, unit);
}

export function auditService(deps: AccountDeps): ServiceRegistration {
  return service(AuditServiceService, {
    async listAuditEntries(
      request: ListAuditEntriesRequest,
      ctx: CallContext,
    ): Promise<ListAuditEntriesResponse> {
      const caller = await callerOf(deps, ctx);
      if (caller.actor.isService || !hasRole(caller.actor, 'auditor', 'system_admin')) {
        throw new PermissionDeniedError(
          'reading the audit trail needs role auditor or system_admin',
        );
      }
      const from = request.fromTime ?? null;
      const to = request.toTime ?? null;
      if (from !== null && to !== null && to <= from) {
        throw new InvalidArgumentError('to_time', 'must be after from_time');
      }
      const filter = {
        actorId: optional(request.actorId, 'actor_id'),
        subjectId: optional(request.subjectId, 'subject_id'),
        action: optional(request.action, 'action'),
        subjectUnitCode: request.subjectUnitCode === '' ? null : request.subjectUnitCode.trim(),
      };
      const within = await subjectUnitScope(deps, caller, request.subjectUnitCode);
      const limit = pageSizeOf(request.page);
      const queryKey = `audit:${caller.actor.unitCode}:${from?.toISOString() ?? ''}:${to?.toISOString() ?? ''}:${JSON.stringify(filter)}`;
      const after = decodePageToken(request.page?.pageToken, queryKey, 2);
      const rows = await listAuditEntries(deps.pool, {
        scope: await scopeOf(deps, caller.actor.unitCode),
        from,
        to,
        actorId: filter.actorId,
        subjectId: filter.subjectId,
        action: filter.action,
        within,
        after: after === null ? null : { at: String(after[0]), id: String(after[1]) },
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, queryKey, (e) => [e.occurredKey, e.id]);
      return { entries: page.items.map(auditToProto), page: { nextPageToken: page.nextPageToken } };
    },
  });
}
