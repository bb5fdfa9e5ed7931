/**
 * Staff routes of /api/v1 for online applications (OnlineApplicationService with the caller's
 * token): the inbox of a unit, one application, an attachment once scanned clean, accept into
 * a case for a member of the household registry, decline with a reason.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { eligibilityOf } from '../forms/case-input';
import { answeredCase } from './case-json';
import { answered, onlineApplicationJson } from './citizen-json';
import { FileAnswer } from './file-answer';
import {
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  UNIT_CODE_QUERY,
  uuidPathParam,
  WRITE_ERRORS,
} from './route-parts';
import type { ApiRoute } from './route-types';

const idSpec = uuidPathParam('id', 'online application id');
const appId = (req: Request): string => idParam(req.params['id'], 'application_id');
const body = (req: Request): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const onlineApplicationApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/online-applications',
    operationId: 'listOnlineApplications',
    summary: 'Applications citizens sent online to a unit (default the caller’s), newest first',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'status',
        in: 'query',
        description: 'received, accepted or declined (default all)',
        schema: { type: 'string', enum: ['received', 'accepted', 'declined'] },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'OnlineApplicationPage', description: 'applications' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const status = queryValue(req.query, 'status', 20);
      if (!['', 'received', 'accepted', 'declined'].includes(status))
        throw badRequest('status', 'must be received, accepted or declined');
      const res = await deps.onlineApplications.list(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unitCode'),
        status,
        page: parsePage(req.query),
      });
      return {
        applications: res.applications.map(onlineApplicationJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'get',
    path: '/online-applications/:id',
    operationId: 'getOnlineApplication',
    summary: 'One online application with its attachments’ metadata',
    parameters: [idSpec],
    success: { status: 200, schema: 'OnlineApplication', description: 'the application' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.onlineApplications.get(callerOf(req), appId(req));
      return onlineApplicationJson(answered(res.application, 'application'));
    },
  },
  {
    method: 'get',
    path: '/online-applications/:id/attachments/:attachmentId',
    operationId: 'getOnlineAttachment',
    summary: 'An attachment of an online application (only once its scan is clean)',
    parameters: [idSpec, uuidPathParam('attachmentId', 'attachment id')],
    success: {
      status: 200,
      schema: 'AttachmentFile',
      description: 'the file (its own media type) as an attachment',
      contentType: 'application/octet-stream',
    },
    errors: [...READ_ERRORS, 409],
    authenticated: true,
    handler: async (req, deps) => {
      const attachmentId = idParam(req.params['attachmentId'], 'attachment_id');
      const res = await deps.onlineApplications.attachment(callerOf(req), appId(req), attachmentId);
      const meta = answered(res.attachment, 'attachment');
      async function* piece() {
        yield { fileName: meta.fileName, data: res.content };
      }
      return FileAnswer.open(meta.mediaType, piece(), 'attachment');
    },
  },
  {
    method: 'post',
    path: '/online-applications/:id/accept',
    operationId: 'acceptOnlineApplication',
    summary:
      'Files the case (channel online) for the linked household member (officers of the commune)',
    parameters: [idSpec],
    requestBody: 'OnlineApplicationAcceptance',
    success: { status: 200, schema: 'OnlineApplicationAccepted', description: 'the case filed' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const b = body(req);
      const e = (b['eligibility'] ?? {}) as Record<string, unknown>;
      const codes = Array.isArray(e['categoryCodes']) ? e['categoryCodes'].map(str) : [];
      const res = await deps.onlineApplications.accept(callerOf(req), {
        applicationId: appId(req),
        householdId: idParam(b['householdId'], 'household_id'),
        memberId: idParam(b['memberId'], 'member_id'),
        eligibility: eligibilityOf({
          categoryCodes: codes,
          disabilityLevel: str(e['disabilityLevel']),
          careSupportTypeCode: str(e['careSupportTypeCode']),
        }),
      });
      return {
        application: onlineApplicationJson(answered(res.application, 'application')),
        case: answeredCase(res.case),
      };
    },
  },
  {
    method: 'post',
    path: '/online-applications/:id/decline',
    operationId: 'declineOnlineApplication',
    summary: 'Declines an online application with a reason (officers of the commune)',
    parameters: [idSpec],
    requestBody: 'DeclineRequest',
    success: { status: 200, schema: 'OnlineApplication', description: 'the application' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.onlineApplications.decline(
        callerOf(req),
        appId(req),
        str(body(req)['reason']).trim(),
      );
      return onlineApplicationJson(answered(res.application, 'application'));
    },
  },
];
