/**
 * GET /audit (auditors and system administrators): AuditService.ListAuditEntries within the
 * caller's jurisdiction, newest first; filters from/to (days in Vietnam), actor, action,
 * subject, unit (the subject unit's subtree); keyset paging.
 */
import { Router, type Request } from 'express';
import { auditEntryJson } from '../api/account-json';
import { callerOf } from '../http/auth';
import { AUDIT_PAGE_ROLES, requireRole } from '../http/page-roles';
import { parseAuditFilter } from '../forms/audit-filter';
import type { AccountGateway } from '../gateways/account-gateway';
import { auditPage, type AuditQuery } from '../views/audit-page';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

function auditQuery(req: Request): AuditQuery {
  const out: AuditQuery = {};
  for (const name of ['from', 'to', 'actor', 'action', 'subject', 'unit', 'page'] as const) {
    const v = req.query[name];
    if (typeof v === 'string' && v.trim() !== '') out[name] = v.trim().slice(0, 2000);
  }
  return out;
}

export function auditRoutes(deps: { accounts: AccountGateway; csrf: Csrf }): Router {
  const router = Router();
  router.get('/audit', requireSignIn, requireRole(...AUDIT_PAGE_ROLES), async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const query = auditQuery(req);
    try {
      const filter = parseAuditFilter(query as Record<string, unknown>, { instants: false });
      const found = await deps.accounts.listAuditEntries(callerOf(req), {
        fromTime: filter.from,
        toTime: filter.to,
        actorId: filter.actorId,
        subjectId: filter.subjectId,
        action: filter.action,
        subjectUnitCode: filter.subjectUnitCode,
        page: { pageSize: 50, pageToken: query.page ?? '' },
      });
      sendPage(
        res,
        200,
        auditPage(ctx, {
          query,
          entries: found.entries.map(auditEntryJson),
          nextPageToken: found.page?.nextPageToken || undefined,
        }),
      );
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.code === 'UNAUTHENTICATED' || error.status >= 500) throw err;
      sendPage(res, error.status, auditPage(ctx, { query, entries: [], error }));
    }
  });
  return router;
}
