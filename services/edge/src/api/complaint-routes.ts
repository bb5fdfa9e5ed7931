/**
 * Staff routes of /api/v1 for complaints (ComplaintService with the caller's token): list with
 * the overdue filter, record one for a caller, read one, answer, close and reroute it (each
 * step with the version read).
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { staffComplaintFromFields } from '../forms/citizen-input';
import { answered, complaintJson } from './citizen-json';
import {
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  UNIT_CODE_QUERY,
  uuidPathParam,
  WRITE_ERRORS,
} from './route-parts';
import type { ApiRoute } from './route-types';

const idSpec = uuidPathParam('id', 'complaint id');
const complaintId = (req: Request): string => idParam(req.params['id'], 'complaint_id');
const body = (req: Request): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function expectedVersion(req: Request): number {
  const v = body(req)['expectedVersion'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw badRequest('expected_version', 'must be the version read (a whole number from 1)');
  return v;
}

const step = (
  path: string,
  operationId: string,
  summary: string,
  requestBody: 'ComplaintAnswer' | 'ComplaintClosing' | 'ComplaintRerouting',
  handler: ApiRoute['handler'],
): ApiRoute => ({
  method: 'post',
  path: `/complaints/:id/${path}`,
  operationId,
  summary,
  parameters: [idSpec],
  requestBody,
  success: { status: 200, schema: 'Complaint', description: 'the complaint' },
  errors: WRITE_ERRORS,
  authenticated: true,
  handler,
});

export const complaintApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/complaints',
    operationId: 'listComplaints',
    summary: 'Complaints managed by a unit (default the caller’s), with the overdue flag',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'status',
        in: 'query',
        description: 'open, answered or closed (default all)',
        schema: { type: 'string', enum: ['open', 'answered', 'closed'] },
      },
      {
        name: 'overdueOnly',
        in: 'query',
        description: 'only those past their answer date',
        schema: { type: 'boolean' },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'ComplaintPage', description: 'complaints' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const status = queryValue(req.query, 'status', 20);
      if (!['', 'open', 'answered', 'closed'].includes(status))
        throw badRequest('status', 'must be open, answered or closed');
      const overdue = queryValue(req.query, 'overdueOnly', 5);
      if (!['', 'true', 'false'].includes(overdue))
        throw badRequest('overdueOnly', 'must be true or false');
      const res = await deps.complaints.list(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unitCode'),
        status,
        overdueOnly: overdue === 'true',
        page: parsePage(req.query),
      });
      return {
        complaints: res.complaints.map(complaintJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/complaints',
    operationId: 'fileComplaint',
    summary: 'Records a complaint received by phone or at the desk (staff)',
    parameters: [],
    requestBody: 'NewComplaint',
    success: { status: 201, schema: 'Complaint', description: 'the complaint' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const b = body(req);
      const fields = {
        subject_kind: str(b['subjectKind']),
        subject_id: str(b['subjectId']),
        managing_unit_code: str(b['managingUnitCode']),
        complainant_name: str(b['complainantName']),
        complainant_citizen_id: str(b['complainantCitizenId']),
        complainant_phone: str(b['complainantPhone']),
        content: str(b['content']),
      };
      const res = await deps.complaints.file(callerOf(req), {
        ...staffComplaintFromFields(fields),
        sourceAddress: '',
      });
      return complaintJson(answered(res.complaint, 'complaint'));
    },
  },
  {
    method: 'get',
    path: '/complaints/:id',
    operationId: 'getComplaint',
    summary: 'One complaint',
    parameters: [idSpec],
    success: { status: 200, schema: 'Complaint', description: 'the complaint' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.complaints.get(callerOf(req), complaintId(req));
      return complaintJson(answered(res.complaint, 'complaint'));
    },
  },
  step(
    'answer',
    'answerComplaint',
    'Answers an open complaint',
    'ComplaintAnswer',
    async (req, deps) => {
      const res = await deps.complaints.answer(callerOf(req), {
        complaintId: complaintId(req),
        expectedVersion: expectedVersion(req),
        answer: str(body(req)['answer']),
      });
      return complaintJson(answered(res.complaint, 'complaint'));
    },
  ),
  step(
    'close',
    'closeComplaint',
    'Closes an answered complaint',
    'ComplaintClosing',
    async (req, deps) => {
      const res = await deps.complaints.closeComplaint(callerOf(req), {
        complaintId: complaintId(req),
        expectedVersion: expectedVersion(req),
        note: str(body(req)['note']),
      });
      return complaintJson(answered(res.complaint, 'complaint'));
    },
  ),
  step(
    'reroute',
    'rerouteComplaint',
    'Sends a complaint to the unit that really manages the record',
    'ComplaintRerouting',
    async (req, deps) => {
      const res = await deps.complaints.reroute(callerOf(req), {
        complaintId: complaintId(req),
        expectedVersion: expectedVersion(req),
        managingUnitCode: str(body(req)['managingUnitCode']),
        reason: str(body(req)['reason']),
      });
      return complaintJson(answered(res.complaint, 'complaint'));
    },
  ),
];
