/** JSON Schemas (OpenAPI 3.1 components) of the account and audit bodies. */
const roles = {
  type: 'array',
  items: {
    type: 'string',
    enum: ['system_admin', 'unit_admin', 'officer', 'approver', 'analyst', 'auditor'],
  },
};
const domain = {
  type: ['string', 'null'],
  enum: ['social_assistance', 'poverty_reduction', null],
  description: 'national accounts only: the domain the roles are bound to',
};
const accountRef = { $ref: '#/components/schemas/Account' };
const instant = { type: ['string', 'null'], format: 'date-time' };

export const accountSchemas = {
  Account: {
    type: 'object',
    required: [
      'id',
      'username',
      'displayName',
      'unitCode',
      'unitStructure',
      'tier',
      'roles',
      'nationalDomain',
      'status',
      'passwordResetRequired',
      'lockReason',
      'createTime',
      'updateTime',
      'subject',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      username: { type: 'string' },
      displayName: { type: 'string', examples: ['Nguyễn Văn An'] },
      unitCode: { type: 'string', description: 'VN for the national level' },
      unitStructure: { type: ['string', 'null'], enum: ['2024', '2025', null] },
      tier: { type: 'string', examples: ['ministry', 'province', 'district', 'commune'] },
      roles,
      nationalDomain: domain,
      status: { type: ['string', 'null'], enum: ['active', 'locked', 'pending', null] },
      passwordResetRequired: { type: 'boolean' },
      lockReason: { type: ['string', 'null'], examples: ['password_compromised', 'admin_action'] },
      createTime: instant,
      updateTime: instant,
      subject: {
        type: ['string', 'null'],
        description: 'subject (sub) at the identity provider; audit entries name actors by it',
      },
    },
  },
  AccountPage: {
    type: 'object',
    required: ['accounts', 'nextPageToken'],
    properties: {
      accounts: { type: 'array', items: accountRef },
      nextPageToken: { type: ['string', 'null'] },
    },
  },
  NewAccount: {
    type: 'object',
    required: ['username', 'displayName', 'unitCode', 'roles'],
    properties: {
      username: { type: 'string', maxLength: 64, examples: ['lan.nguyen'] },
      displayName: { type: 'string', maxLength: 200 },
      unitCode: { type: 'string', description: 'a unit of the structure in force, or VN' },
      roles,
      nationalDomain: domain,
      initialPassword: {
        type: 'string',
        maxLength: 128,
        description: 'optional temporary password; generated when absent',
      },
    },
  },
  IssuedPassword: {
    type: 'object',
    required: ['account', 'temporaryPassword'],
    properties: {
      account: accountRef,
      temporaryPassword: {
        type: 'string',
        description: 'shown once; the user must change it at the next sign-in',
      },
    },
  },
  RolesChange: {
    type: 'object',
    required: ['roles'],
    properties: { roles, nationalDomain: domain },
  },
  LockRequest: {
    type: 'object',
    required: ['reason'],
    properties: { reason: { type: 'string', maxLength: 500 } },
  },
  AuditEntry: {
    type: 'object',
    required: [
      'id',
      'time',
      'actorId',
      'actorUsername',
      'actorUnitCode',
      'action',
      'subjectType',
      'subjectId',
      'subjectUnitCode',
      'sourceAddress',
      'before',
      'after',
    ],
    properties: {
      id: { type: 'string' },
      time: instant,
      actorId: { type: 'string', description: 'subject (sub) of the actor' },
      actorUsername: {
        type: 'string',
        description: 'username of the actor’s account ("" when the actor has none)',
      },
      actorUnitCode: { type: 'string' },
      action: { type: 'string', examples: ['account.create', 'account.lock', 'village.create'] },
      subjectType: { type: 'string', examples: ['account', 'village'] },
      subjectId: { type: 'string' },
      subjectUnitCode: { type: 'string' },
      sourceAddress: { type: 'string' },
      before: { type: ['object', 'null'] },
      after: { type: ['object', 'null'] },
    },
  },
  AuditPage: {
    type: 'object',
    required: ['entries', 'nextPageToken'],
    properties: {
      entries: { type: 'array', items: { $ref: '#/components/schemas/AuditEntry' } },
      nextPageToken: { type: ['string', 'null'] },
    },
  },
} as const;
