/**
 * Public routes of /api/v1 for the citizen online service, without sign-in (the edge calls
 * the cases service with its own service account): submit an application with its
 * attachments (multipart, the same fields as the page form), follow it with the tracking code
 * and the citizen ID, and the same for complaints. Rate limited per address (app.ts); the
 * citizen ID travels in POST bodies only, never in a URL.
 */
import type { Request } from 'express';
import { badRequest } from '../http/errors';
import {
  applicationFromFields,
  complaintFromFields,
  trackingFromFields,
  type Fields,
} from '../forms/citizen-input';
import { readCitizenUpload } from '../forms/citizen-upload';
import { ATTACHMENT_LIMITS } from '../routes/citizen-support';
import { attachmentUploads } from '../routes/citizen-portal';
import { dayText } from './case-json';
import { answered, complaintTrackingJson, trackingJson } from './citizen-json';
import type { ApiRoute } from './route-types';

const PUBLIC_ERRORS = [400, 404, 429, 503];

/** A JSON body's string members under the form's field names. */
function fieldsOf(req: Request, names: Record<string, string>): Fields {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [jsonName, formName] of Object.entries(names)) {
    const value = body[jsonName];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw badRequest(formName, 'must be a string');
    out[formName] = value;
  }
  return out;
}

const TRACKING_NAMES = { trackingCode: 'tracking_code', citizenId: 'citizen_id' };

export const publicApiRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/public/online-applications',
    operationId: 'submitOnlineApplication',
    summary:
      'A citizen’s application for monthly social assistance with 1–5 attachments (no sign-in; multipart/form-data, text fields first)',
    parameters: [],
    requestBody: 'OnlineApplicationForm',
    requestContentType: 'multipart/form-data',
    success: { status: 201, schema: 'OnlineApplicationReceipt', description: 'the tracking code' },
    errors: [400, 413, 429, 503],
    authenticated: false,
    handler: async (req, deps) => {
      const upload = await readCitizenUpload(req, ATTACHMENT_LIMITS, () => undefined);
      const answer = await deps.onlineApplications.submit(
        {
          ...applicationFromFields(upload.fields),
          attachments: attachmentUploads(upload.files),
          sourceAddress: req.ip ?? '',
        },
        req.ip,
      );
      return {
        trackingCode: answer.trackingCode,
        receivedAt: answer.receivedAt?.toISOString() ?? null,
      };
    },
  },
  {
    method: 'post',
    path: '/public/online-applications/track',
    operationId: 'trackOnlineApplication',
    summary:
      'What the citizen may see of an application (tracking code and citizen ID; no amounts)',
    parameters: [],
    requestBody: 'TrackingQuery',
    success: { status: 200, schema: 'OnlineApplicationTracking', description: 'the status' },
    errors: PUBLIC_ERRORS,
    authenticated: false,
    handler: async (req, deps) => {
      const { trackingCode, citizenId } = trackingFromFields(fieldsOf(req, TRACKING_NAMES));
      return trackingJson(await deps.onlineApplications.track(trackingCode, citizenId, req.ip));
    },
  },
  {
    method: 'post',
    path: '/public/complaints',
    operationId: 'fileCitizenComplaint',
    summary: 'A citizen’s complaint about data, sent to the commune that manages it (no sign-in)',
    parameters: [],
    requestBody: 'CitizenComplaint',
    success: { status: 201, schema: 'ComplaintReceipt', description: 'the tracking code' },
    errors: [400, 429, 503],
    authenticated: false,
    handler: async (req, deps) => {
      const fields = fieldsOf(req, {
        subjectKind: 'subject_kind',
        managingUnitCode: 'managing_unit_code',
        complainantName: 'complainant_name',
        complainantCitizenId: 'complainant_citizen_id',
        complainantPhone: 'complainant_phone',
        content: 'content',
      });
      const answer = await deps.complaints.fileForCitizen(
        { ...complaintFromFields(fields), subjectId: '', sourceAddress: req.ip ?? '' },
        req.ip,
      );
      const c = answered(answer.complaint, 'complaint');
      return {
        trackingCode: c.trackingCode,
        receivedAt: c.receivedAt?.toISOString() ?? null,
        dueOn: dayText(c.dueOn),
      };
    },
  },
  {
    method: 'post',
    path: '/public/complaints/track',
    operationId: 'trackComplaint',
    summary: 'Status and answer of a complaint (tracking code and citizen ID)',
    parameters: [],
    requestBody: 'TrackingQuery',
    success: { status: 200, schema: 'ComplaintTracking', description: 'the status' },
    errors: PUBLIC_ERRORS,
    authenticated: false,
    handler: async (req, deps) => {
      const { trackingCode, citizenId } = trackingFromFields(fieldsOf(req, TRACKING_NAMES));
      return complaintTrackingJson(await deps.complaints.track(trackingCode, citizenId, req.ip));
    },
  },
];
