/**
 * The account and audit routes of /api/v1 (part of the route table): each is one gRPC call
 * to identity's AccountService or AuditService with the caller's token. Identity decides
 * who may do what; its refusals come back as 403 with the reason.
 */
import type { Request } from 'express';
import { isRole } from '@posa/auth';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import {
  domainValue,
  firstError,
  isAccountId,
  parseAccountDraft,
  parseLockReason,
  parseRolesDraft,
  type FieldErrors,
} from '../forms/account-input';
import { parseAuditFilter } from '../forms/audit-filter';
import {
  accountJson,
  auditEntryJson,
  isStatusName,
  requiredAccount,
  STATUS_OF_NAME,
} from './account-json';
import type { ApiRoute, ParameterSpec } from './route-types';

const WRITE_ERRORS = [400, 401, 403, 404, 409, 429, 503];
const READ_ERRORS = [400, 401, 403, 404, 429, 503];

const idParam: ParameterSpec = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'account id',
  schema: { type: 'string', format: 'uuid' },
};
const query = (name: string, description: string, schema: Record<string, unknown>) =>
  ({ name, in: 'query', description, schema }) as ParameterSpec;
const pageParams: ParameterSpec[] = [
  query('pageSize', 'items per page (the service caps it at 500)', {
    type: 'integer',
    minimum: 1,
    maximum: 1000,
  }),
  query('pageToken', 'nextPageToken of the previous page', { type: 'string' }),
];

function accountId(req: Request): string {
  const id = req.params['id'];
  if (!isAccountId(id)) throw badRequest('id', 'must be an account id (UUID)');
  return id;
}

function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b)
    ? (b as Record<string, unknown>)
    : {};
}

function failOn(errors: FieldErrors): void {
  const first = firstError(errors);
  if (first !== undefined) throw badRequest(first.field, first.reason);
}

function optionalQuery(req: Request, name: string): string {
  const v = req.query[name];
  return typeof v === 'string' ? v.trim() : '';
}

export const accountApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/accounts',
    operationId: 'listAccounts',
    summary: 'Accounts in the caller’s jurisdiction, by username',
    parameters: [
      query('unitCode', 'only this unit and the units below it', { type: 'string' }),
      query('role', 'only accounts holding this role', { type: 'string' }),
      query('status', 'only this status', {
        type: 'string',
        enum: ['active', 'locked', 'pending'],
      }),
      ...pageParams,
    ],
    success: { status: 200, schema: 'AccountPage', description: 'one page of accounts' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const role = optionalQuery(req, 'role');
      const status = optionalQuery(req, 'status');
      if (role !== '' && !isRole(role)) throw badRequest('role', 'unknown role');
      if (status !== '' && !isStatusName(status))
        throw badRequest('status', 'must be active, locked or pending');
      const res = await deps.accounts.listAccounts(callerOf(req), {
        unitCode: optionalQuery(req, 'unitCode'),
        role,
        status: isStatusName(status) ? STATUS_OF_NAME[status] : 0,
        page: parsePage(req.query),
      });
      return {
        accounts: res.accounts.map(accountJson),
        nextPageToken: res.page?.nextPageToken || null,
      };
    },
  },
  {
    method: 'post',
    path: '/accounts',
    operationId: 'createAccount',
    summary: 'Issue an account with a temporary password (returned once)',
    parameters: [],
    requestBody: 'NewAccount',
    success: { status: 201, schema: 'IssuedPassword', description: 'the account created' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const { value, errors } = parseAccountDraft(body(req));
      failOn(errors);
      const res = await deps.accounts.createAccount(callerOf(req), {
        username: value.username,
        displayName: value.displayName,
        unitCode: value.unitCode,
        roles: value.roles,
        nationalDomain: domainValue(value.nationalDomain),
        initialPassword: value.initialPassword,
      });
      return { account: requiredAccount(res.account), temporaryPassword: res.temporaryPassword };
    },
  },
  {
    method: 'get',
    path: '/accounts/me',
    operationId: 'getMyAccount',
    summary: 'The caller’s own account',
    parameters: [],
    success: { status: 200, schema: 'Account', description: 'the account' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      requiredAccount((await deps.accounts.getMyAccount(callerOf(req))).account),
  },
  {
    method: 'post',
    path: '/accounts/me/report-compromised',
    operationId: 'reportMyPasswordCompromised',
    summary: 'My password is lost or known to someone else: lock my account, end every session',
    parameters: [],
    success: { status: 200, schema: 'Account', description: 'the account, locked' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      requiredAccount((await deps.accounts.reportPasswordCompromised(callerOf(req), '')).account),
  },
  {
    method: 'get',
    path: '/accounts/:id',
    operationId: 'getAccount',
    summary: 'One account in the caller’s jurisdiction',
    parameters: [idParam],
    success: { status: 200, schema: 'Account', description: 'the account' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      requiredAccount((await deps.accounts.getAccount(callerOf(req), accountId(req))).account),
  },
  {
    method: 'post',
    path: '/accounts/:id/roles',
    operationId: 'updateRoles',
    summary: 'Replace the roles (and national domain) of an account',
    parameters: [idParam],
    requestBody: 'RolesChange',
    success: { status: 200, schema: 'Account', description: 'the account' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const id = accountId(req);
      const { value, errors } = parseRolesDraft(body(req));
      failOn(errors);
      const res = await deps.accounts.updateRoles(callerOf(req), {
        accountId: id,
        roles: value.roles,
        nationalDomain: domainValue(value.nationalDomain),
      });
      return requiredAccount(res.account);
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/lock',
    operationId: 'lockAccount',
    summary: 'Lock an account (sign-in refused, sessions revoked)',
    parameters: [idParam],
    requestBody: 'LockRequest',
    success: { status: 200, schema: 'Account', description: 'the account, locked' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const id = accountId(req);
      const { value, errors } = parseLockReason(body(req));
      failOn(errors);
      return requiredAccount((await deps.accounts.lockAccount(callerOf(req), id, value)).account);
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/unlock',
    operationId: 'unlockAccount',
    summary: 'Unlock an account with a new temporary password',
    parameters: [idParam],
    success: { status: 200, schema: 'IssuedPassword', description: 'the account, unlocked' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.accounts.unlockAccount(callerOf(req), accountId(req));
      return { account: requiredAccount(res.account), temporaryPassword: res.temporaryPassword };
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/reset-password',
    operationId: 'resetPassword',
    summary: 'Issue a temporary password and end the account’s sessions',
    parameters: [idParam],
    success: { status: 200, schema: 'IssuedPassword', description: 'the new temporary password' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.accounts.resetPassword(callerOf(req), accountId(req));
      return { account: requiredAccount(res.account), temporaryPassword: res.temporaryPassword };
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/report-compromised',
    operationId: 'reportPasswordCompromised',
    summary: 'An administrator reports an account’s password compromised: locked, sessions revoked',
    parameters: [idParam],
    success: { status: 200, schema: 'Account', description: 'the account, locked' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      requiredAccount(
        (await deps.accounts.reportPasswordCompromised(callerOf(req), accountId(req))).account,
      ),
  },
  {
    method: 'get',
    path: '/audit-entries',
    operationId: 'listAuditEntries',
    summary: 'Audit trail entries in the caller’s jurisdiction, newest first (auditors)',
    parameters: [
      query('from', 'entries at or after (RFC 3339, or a day in Vietnam)', { type: 'string' }),
      query('to', 'entries before (RFC 3339, or a day in Vietnam, included)', { type: 'string' }),
      query('actor', 'actor id (sub)', { type: 'string', maxLength: 100 }),
      query('action', 'e.g. account.create', { type: 'string', maxLength: 100 }),
      query('subject', 'subject id (an account id, a village code)', {
        type: 'string',
        maxLength: 100,
      }),
      query(
        'unit',
        'subject unit code: entries of its subtree (within the caller’s jurisdiction)',
        {
          type: 'string',
          pattern: '^(VN|[0-9]{2}|[0-9]{3}|[0-9]{5})$',
        },
      ),
      ...pageParams,
    ],
    success: { status: 200, schema: 'AuditPage', description: 'one page of entries' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const f = parseAuditFilter(req.query, { instants: true });
      const res = await deps.accounts.listAuditEntries(callerOf(req), {
        fromTime: f.from,
        toTime: f.to,
        actorId: f.actorId,
        subjectId: f.subjectId,
        action: f.action,
        subjectUnitCode: f.subjectUnitCode,
        page: parsePage(req.query),
      });
      return {
        entries: res.entries.map(auditEntryJson),
        nextPageToken: res.page?.nextPageToken || null,
      };
    },
  },
];
