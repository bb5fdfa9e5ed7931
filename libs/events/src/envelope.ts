/**
 * CloudEvents 1.0 in Kafka binary content mode: the attributes travel as `ce_*` headers,
 * the protobuf payload is the record value and the record key is the event subject
 * (the aggregate id), so every event of one aggregate lands on one partition.
 */
export const CONTENT_TYPE_PROTOBUF = 'application/protobuf';
export const SPEC_VERSION = '1.0';

/** One event, decoded. `data` holds the protobuf bytes of the payload message. */
export interface CloudEvent {
  id: string;
  type: string;
  /** URI-reference of the producer, e.g. `/services/identity`. */
  source: string;
  /** Aggregate id; also the Kafka key. */
  subject: string;
  /** RFC 3339 timestamp of when the change happened. */
  time: string;
  /** Full protobuf message name of `data`, e.g. `posa.events.v1.UnitCreated`. */
  dataSchema?: string;
  traceparent?: string;
  tracestate?: string;
  /** CloudEvents extension attributes (lower-case alphanumeric names). */
  extensions?: Record<string, string>;
  data: Uint8Array;
}

/** What goes to / comes from Kafka, without depending on the client library's types. */
export interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Headers as Kafka clients hand them over: usually Buffers. */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** An event that cannot be encoded or decoded; `attribute` names the culprit. */
export class EnvelopeError extends Error {
  constructor(
    readonly attribute: string,
    reason: string,
  ) {
    super(`${attribute}: ${reason}`);
    this.name = 'EnvelopeError';
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;
const KNOWN = new Set(['specversion', 'id', 'type', 'source', 'subject', 'time', 'dataschema']);

function requireText(attribute: string, value: string | undefined): string {
  if (value === undefined) throw new EnvelopeError(attribute, 'missing');
  if (value.trim() === '') throw new EnvelopeError(attribute, 'must not be empty');
  return value;
}

function checkTime(value: string | undefined): string {
  const time = requireText('time', value);
  if (!RFC3339.test(time) || Number.isNaN(Date.parse(time))) {
    throw new EnvelopeError('time', `not an RFC 3339 timestamp: "${time}"`);
  }
  return time;
}

function checkTraceparent(value: string | undefined): string | undefined {
  if (value !== undefined && !TRACEPARENT.test(value)) {
    throw new EnvelopeError('traceparent', 'not a W3C trace context traceparent');
  }
  return value;
}

/** Validates an event and returns it unchanged; throws EnvelopeError on the first problem. */
export function validateEvent(event: CloudEvent): CloudEvent {
  requireText('id', event.id);
  requireText('type', event.type);
  requireText('source', event.source);
  requireText('subject', event.subject);
  checkTime(event.time);
  if (event.dataSchema !== undefined) requireText('dataschema', event.dataSchema);
  checkTraceparent(event.traceparent);
  if (!(event.data instanceof Uint8Array)) throw new EnvelopeError('data', 'must be bytes');
  for (const name of Object.keys(event.extensions ?? {})) {
    if (!EXTENSION_NAME.test(name) || KNOWN.has(name)) {
      throw new EnvelopeError(
        `extension ${name}`,
        'name must be 1-20 lower-case letters or digits and not a core attribute',
      );
    }
  }
  return event;
}

/** Encodes an event as a Kafka record in binary content mode. */
export function toKafkaMessage(event: CloudEvent): KafkaRecord {
  validateEvent(event);
  const headers: Record<string, string> = {
    ce_specversion: SPEC_VERSION,
    ce_id: event.id,
    ce_type: event.type,
    ce_source: event.source,
    ce_subject: event.subject,
    ce_time: event.time,
    'content-type': CONTENT_TYPE_PROTOBUF,
  };
  if (event.dataSchema !== undefined) headers.ce_dataschema = event.dataSchema;
  for (const [name, value] of Object.entries(event.extensions ?? {})) headers[`ce_${name}`] = value;
  if (event.traceparent !== undefined) headers.traceparent = event.traceparent;
  if (event.tracestate !== undefined) headers.tracestate = event.tracestate;
  const data = event.data;
  return {
    key: event.subject,
    value: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    headers,
  };
}

/** Converts Kafka headers (Buffers) to strings; a repeated header is an error. */
export function headersToStrings(raw: RawHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length !== 1) throw new EnvelopeError(name, 'header appears more than once');
      out[name] = value[0]!.toString();
    } else {
      out[name] = value.toString();
    }
  }
  return out;
}

/** Decodes and validates a Kafka record; throws EnvelopeError naming the bad attribute. */
export function fromKafkaMessage(message: {
  key?: Buffer | string | null;
  value: Buffer | null;
  headers?: RawHeaders;
}): CloudEvent {
  const headers = headersToStrings(message.headers);
  const specversion = headers.ce_specversion;
  if (specversion === undefined) throw new EnvelopeError('specversion', 'missing');
  if (specversion !== SPEC_VERSION)
    throw new EnvelopeError('specversion', `unsupported "${specversion}"`);
  const contentType = headers['content-type'];
  if (contentType !== CONTENT_TYPE_PROTOBUF) {
    throw new EnvelopeError(
      'content-type',
      `expected "${CONTENT_TYPE_PROTOBUF}", got "${contentType ?? 'nothing'}"`,
    );
  }
  const extensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('ce_')) continue;
    const attribute = name.slice(3);
    if (!KNOWN.has(attribute)) extensions[attribute] = value;
  }
  const event: CloudEvent = {
    id: requireText('id', headers.ce_id),
    type: requireText('type', headers.ce_type),
    source: requireText('source', headers.ce_source),
    subject: requireText('subject', headers.ce_subject),
    time: checkTime(headers.ce_time),
    data: message.value === null ? new Uint8Array(0) : new Uint8Array(message.value),
  };
  if (headers.ce_dataschema !== undefined) event.dataSchema = headers.ce_dataschema;
  if (headers.traceparent !== undefined) event.traceparent = checkTraceparent(headers.traceparent);
  if (headers.tracestate !== undefined) event.tracestate = headers.tracestate;
  if (Object.keys(extensions).length > 0) event.extensions = extensions;
  validateEvent(event);
  const key = message.key?.toString();
  if (key !== undefined && key !== event.subject) {
    throw new EnvelopeError('subject', 'differs from the record key');
  }
  return event;
}
