/** JSON Schemas (OpenAPI 3.1 components) of the staff routes of online applications and complaints. */
import { KIND_NAMES, SUBJECT_KINDS } from '../forms/citizen-input';
import { nullableString, ref } from './schema-parts';

const time = { type: ['string', 'null'], format: 'date-time' };
const nullableDay = { type: ['string', 'null'], format: 'date' };
const citizenId = { type: 'string', pattern: '^[0-9]{12}$', description: '12 digits' };
const trackingCode = { type: 'string', maxLength: 40, description: 'mã tra cứu' };
const communeCode = { type: 'string', pattern: '^[0-9]{5}$' };
const text = (max: number) => ({ type: 'string', maxLength: max });
const version = { type: 'integer', minimum: 1, description: 'the complaint version read' };

export const citizenStaffSchemas = {
  OnlineAttachment: {
    type: 'object',
    required: ['attachmentId', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'scanStatus'],
    properties: {
      attachmentId: { type: 'string' },
      fileName: { type: 'string' },
      mediaType: { type: 'string', enum: ['application/pdf', 'image/jpeg', 'image/png'] },
      sizeBytes: { type: 'integer', minimum: 0 },
      sha256: { type: 'string' },
      scanStatus: { type: 'string', enum: ['pending', 'clean', 'infected', 'failed'] },
    },
  },
  OnlineApplication: {
    type: 'object',
    required: ['applicationId', 'trackingCode', 'applicant', 'status', 'attachments', 'overdue'],
    properties: {
      applicationId: { type: 'string', format: 'uuid' },
      trackingCode,
      kind: { type: ['string', 'null'], enum: [...KIND_NAMES, null] },
      applicant: {
        type: 'object',
        properties: {
          fullName: { type: 'string' },
          dateOfBirth: nullableString,
          sex: nullableString,
          citizenId: { type: 'string' },
          phone: nullableString,
          email: nullableString,
          communeCode: { type: 'string' },
          streetAddress: { type: 'string' },
        },
      },
      filedByName: nullableString,
      filedByRelation: nullableString,
      circumstances: { type: 'string' },
      suggestedCategoryCode: nullableString,
      payment: {
        type: 'object',
        properties: {
          channel: nullableString,
          bankCode: nullableString,
          accountNumber: nullableString,
        },
      },
      attachments: { type: 'array', items: ref('OnlineAttachment') },
      status: { type: 'string', enum: ['received', 'accepted', 'declined'] },
      caseId: nullableString,
      declineReason: nullableString,
      receivedAt: time,
      dueOn: nullableDay,
      overdue: { type: 'boolean' },
    },
  },
  OnlineApplicationPage: {
    type: 'object',
    required: ['applications', 'nextPageToken'],
    properties: {
      applications: { type: 'array', items: ref('OnlineApplication') },
      nextPageToken: nullableString,
    },
  },
  AttachmentFile: {
    type: 'string',
    contentMediaType: 'application/octet-stream',
    description: 'the attachment (PDF, JPEG or PNG) with its file name',
  },
  OnlineApplicationAcceptance: {
    type: 'object',
    required: ['householdId', 'memberId', 'eligibility'],
    properties: {
      householdId: { type: 'string', format: 'uuid' },
      memberId: { type: 'string', format: 'uuid' },
      eligibility: {
        type: 'object',
        required: ['categoryCodes'],
        properties: {
          categoryCodes: { type: 'array', items: { type: 'string' } },
          disabilityLevel: { type: ['string', 'null'], enum: ['severe', 'extremely_severe', null] },
          careSupportTypeCode: nullableString,
        },
      },
    },
  },
  OnlineApplicationAccepted: {
    type: 'object',
    required: ['application', 'case'],
    properties: { application: ref('OnlineApplication'), case: ref('Case') },
  },
  DeclineRequest: {
    type: 'object',
    required: ['reason'],
    properties: { reason: text(1000) },
  },
  Complaint: {
    type: 'object',
    required: ['complaintId', 'trackingCode', 'status', 'version', 'overdue'],
    properties: {
      complaintId: { type: 'string', format: 'uuid' },
      trackingCode,
      source: { type: 'string', enum: ['staff', 'citizen'] },
      subjectKind: { type: 'string', enum: SUBJECT_KINDS },
      subjectId: nullableString,
      managingUnitCode: { type: 'string' },
      complainantName: { type: 'string' },
      complainantCitizenId: nullableString,
      complainantPhone: nullableString,
      content: { type: 'string' },
      status: { type: 'string', enum: ['open', 'answered', 'closed'] },
      answer: nullableString,
      receivedAt: time,
      dueOn: nullableDay,
      overdue: { type: 'boolean' },
      answeredAt: time,
      closedAt: time,
      version: { type: 'integer' },
    },
  },
  ComplaintPage: {
    type: 'object',
    required: ['complaints', 'nextPageToken'],
    properties: {
      complaints: { type: 'array', items: ref('Complaint') },
      nextPageToken: nullableString,
    },
  },
  NewComplaint: {
    type: 'object',
    required: ['subjectKind', 'complainantName', 'content'],
    properties: {
      subjectKind: { type: 'string', enum: SUBJECT_KINDS },
      subjectId: { type: 'string', format: 'uuid' },
      managingUnitCode: communeCode,
      complainantName: text(200),
      complainantCitizenId: citizenId,
      complainantPhone: text(20),
      content: text(4000),
    },
  },
  ComplaintAnswer: {
    type: 'object',
    required: ['expectedVersion', 'answer'],
    properties: { expectedVersion: version, answer: text(4000) },
  },
  ComplaintClosing: {
    type: 'object',
    required: ['expectedVersion'],
    properties: { expectedVersion: version, note: text(1000) },
  },
  ComplaintRerouting: {
    type: 'object',
    required: ['expectedVersion', 'managingUnitCode', 'reason'],
    properties: { expectedVersion: version, managingUnitCode: communeCode, reason: text(1000) },
  },
};
