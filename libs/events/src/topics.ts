/**
 * The topic catalogue: every topic POSA services publish to, its key and the event types
 * it carries. `libs/events/asyncapi.yaml` documents the same catalogue for readers;
 * topics.test.ts keeps the two in agreement.
 */
export interface EventTypeSpec {
  /** Short name, e.g. `account-created`. */
  name: string;
  /** CloudEvents `type`, e.g. `com.posa.identity.account-created.v1`. */
  type: string;
  /** Full protobuf message name of the payload. */
  message: string;
}

export interface TopicSpec {
  name: string;
  /** Owning service (publishes to it) or, for dead-letter topics, the consumer group. */
  owner: string;
  partitions: number;
  retentionMs: number;
  /** What the record key holds. */
  key: 'aggregate id';
  /** CloudEvents `source` of its events (empty for dead-letter topics: they keep the original). */
  source: string;
  events: EventTypeSpec[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const EVENT_RETENTION_MS = 30 * DAY_MS;
export const DEAD_LETTER_RETENTION_MS = 14 * DAY_MS;
export const EVENT_PARTITIONS = 6;

/** `posa.<service>.events.v1` */
export function serviceTopic(service: string): string {
  return `posa.${service}.events.v1`;
}

/** `posa.<group>.dlq.v1`: one dead-letter topic per consumer group. */
export function deadLetterTopic(group: string): string {
  return `posa.${group}.dlq.v1`;
}

/** `com.posa.<service>.<event>.v1` */
export function eventType(service: string, event: string): string {
  return `com.posa.${service}.${event}.v1`;
}

/** `/services/<service>` */
export function serviceSource(service: string): string {
  return `/services/${service}`;
}

function serviceTopicSpec(
  service: string,
  events: Array<[name: string, message: string]>,
): TopicSpec {
  return {
    name: serviceTopic(service),
    owner: service,
    partitions: EVENT_PARTITIONS,
    retentionMs: EVENT_RETENTION_MS,
    key: 'aggregate id',
    source: serviceSource(service),
    events: events.map(([name, message]) => ({ name, type: eventType(service, name), message })),
  };
}

/** Topic settings of the dead-letter topic of a consumer group. */
export function deadLetterTopicSpec(group: string): TopicSpec {
  return {
    name: deadLetterTopic(group),
    owner: group,
    partitions: 1,
    retentionMs: DEAD_LETTER_RETENTION_MS,
    key: 'aggregate id',
    source: '',
    events: [],
  };
}

/** Event types of posa.identity.events.v1. */
export const IdentityEvents = {
  accountCreated: eventType('identity', 'account-created'),
  accountLocked: eventType('identity', 'account-locked'),
  accountUnlocked: eventType('identity', 'account-unlocked'),
  accountRolesChanged: eventType('identity', 'account-roles-changed'),
  unitCreated: eventType('identity', 'unit-created'),
} as const;

/** Event types of posa.households.events.v1. */
export const HouseholdsEvents = {
  householdCreated: eventType('households', 'household-created'),
  householdChanged: eventType('households', 'household-changed'),
  memberDeceased: eventType('households', 'member-deceased'),
  memberMoved: eventType('households', 'member-moved'),
  householdsMerged: eventType('households', 'households-merged'),
  membersMerged: eventType('households', 'members-merged'),
  householdClassified: eventType('households', 'household-classified'),
} as const;

/** Event types of posa.cases.events.v1 (variations share the CaseVaried payload). */
export const CasesEvents = {
  caseSubmitted: eventType('cases', 'case-submitted'),
  caseApproved: eventType('cases', 'case-approved'),
  caseRejected: eventType('cases', 'case-rejected'),
  caseVaried: eventType('cases', 'case-varied'),
  caseSuspended: eventType('cases', 'case-suspended'),
  caseResumed: eventType('cases', 'case-resumed'),
  caseTerminated: eventType('cases', 'case-terminated'),
  caseTransferred: eventType('cases', 'case-transferred'),
  entitlementChanged: eventType('cases', 'entitlement-changed'),
} as const;

/** Event types of posa.payments.events.v1 (approval and closing share PayrollStatusChanged). */
export const PaymentsEvents = {
  payrollGenerated: eventType('payments', 'payroll-generated'),
  payrollApproved: eventType('payments', 'payroll-approved'),
  payrollClosed: eventType('payments', 'payroll-closed'),
  resultRecorded: eventType('payments', 'result-recorded'),
} as const;

/** The event topics of all services; event lists grow as each service defines its events. */
export const topicCatalogue: readonly TopicSpec[] = [
  serviceTopicSpec('identity', [
    ['account-created', 'posa.events.v1.AccountCreated'],
    ['account-locked', 'posa.events.v1.AccountLocked'],
    ['account-unlocked', 'posa.events.v1.AccountUnlocked'],
    ['account-roles-changed', 'posa.events.v1.AccountRolesChanged'],
    ['unit-created', 'posa.events.v1.UnitCreated'],
  ]),
  serviceTopicSpec('households', [
    ['household-created', 'posa.events.v1.HouseholdCreated'],
    ['household-changed', 'posa.events.v1.HouseholdChanged'],
    ['member-deceased', 'posa.events.v1.MemberDeceased'],
    ['member-moved', 'posa.events.v1.MemberMoved'],
    ['households-merged', 'posa.events.v1.HouseholdsMerged'],
    ['members-merged', 'posa.events.v1.MembersMerged'],
    ['household-classified', 'posa.events.v1.HouseholdClassified'],
  ]),
  serviceTopicSpec('cases', [
    ['case-submitted', 'posa.events.v1.CaseSubmitted'],
    ['case-approved', 'posa.events.v1.CaseApproved'],
    ['case-rejected', 'posa.events.v1.CaseRejected'],
    ['case-varied', 'posa.events.v1.CaseVaried'],
    ['case-suspended', 'posa.events.v1.CaseVaried'],
    ['case-resumed', 'posa.events.v1.CaseVaried'],
    ['case-terminated', 'posa.events.v1.CaseVaried'],
    ['case-transferred', 'posa.events.v1.CaseVaried'],
    ['entitlement-changed', 'posa.events.v1.EntitlementChanged'],
  ]),
  serviceTopicSpec('payments', [
    ['payroll-generated', 'posa.events.v1.PayrollGenerated'],
    ['payroll-approved', 'posa.events.v1.PayrollStatusChanged'],
    ['payroll-closed', 'posa.events.v1.PayrollStatusChanged'],
    ['result-recorded', 'posa.events.v1.PaymentResultRecorded'],
  ]),
];

/** Finds the catalogue entry of an event type on a topic, if it is catalogued. */
export function findEventType(topic: string, type: string): EventTypeSpec | undefined {
  return topicCatalogue.find((t) => t.name === topic)?.events.find((e) => e.type === type);
}
