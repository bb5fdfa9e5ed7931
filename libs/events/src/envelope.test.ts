import { UnitCreated } from '@posa/proto';
import { EnvelopeError, fromKafkaMessage, toKafkaMessage, type CloudEvent } from './envelope';

const payload = UnitCreated.encode(
  UnitCreated.fromPartial({ unitCode: '01-001', parentCode: '01', level: 'district' }),
).finish();

const event: CloudEvent = {
  id: '5b0c3c1e-3f0e-4a53-9d8e-1f7f6d1e2a10',
  type: 'com.posa.identity.unit-created.v1',
  source: '/services/identity',
  subject: '01-001',
  time: '2025-01-31T08:15:00.123Z',
  dataSchema: 'posa.events.v1.UnitCreated',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  tracestate: 'posa=1',
  extensions: { aggregatetype: 'unit' },
  data: payload,
};

/** What a Kafka client hands a consumer: Buffers everywhere. */
function asReceived(record: ReturnType<typeof toKafkaMessage>) {
  const headers: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(record.headers)) headers[k] = Buffer.from(v);
  return { key: Buffer.from(record.key), value: record.value, headers };
}

describe('CloudEvents binary mode envelope', () => {
  it('writes the attributes as ce_ headers and the subject as key', () => {
    const record = toKafkaMessage(event);
    expect(record.key).toBe('01-001');
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: event.source,
      ce_subject: '01-001',
      ce_time: event.time,
      ce_dataschema: 'posa.events.v1.UnitCreated',
      ce_aggregatetype: 'unit',
      'content-type': 'application/protobuf',
      traceparent: event.traceparent,
      tracestate: 'posa=1',
    });
  });

  it('round-trips through Buffer headers, payload included', () => {
    const decoded = fromKafkaMessage(asReceived(toKafkaMessage(event)));
    expect(decoded).toEqual({ ...event, data: new Uint8Array(payload) });
    expect(UnitCreated.decode(decoded.data).level).toBe('district');
  });

  it('leaves optional attributes out when absent', () => {
    const minimal: CloudEvent = { ...event, data: new Uint8Array(0) };
    delete minimal.dataSchema;
    delete minimal.traceparent;
    delete minimal.tracestate;
    delete minimal.extensions;
    const record = toKafkaMessage(minimal);
    expect(Object.keys(record.headers).sort()).toEqual(
      [
        'ce_id',
        'ce_source',
        'ce_specversion',
        'ce_subject',
        'ce_time',
        'ce_type',
        'content-type',
      ].sort(),
    );
    expect(fromKafkaMessage(asReceived(record))).toEqual(minimal);
  });

  it.each([
    ['ce_id', 'id: missing'],
    ['ce_type', 'type: missing'],
    ['ce_source', 'source: missing'],
    ['ce_subject', 'subject: missing'],
    ['ce_time', 'time: missing'],
    ['ce_specversion', 'specversion: missing'],
    ['content-type', 'content-type: expected "application/protobuf", got "nothing"'],
  ])('names the missing attribute %s', (header, message) => {
    const received = asReceived(toKafkaMessage(event));
    delete received.headers[header];
    expect(() => fromKafkaMessage(received)).toThrow(EnvelopeError);
    expect(() => fromKafkaMessage(received)).toThrow(message);
  });

  it.each([
    ['ce_time', 'yesterday', 'time: not an RFC 3339 timestamp'],
    ['ce_time', '2025-13-45T99:00:00Z', 'time: not an RFC 3339 timestamp'],
    ['ce_specversion', '0.3', 'specversion: unsupported "0.3"'],
    ['ce_id', '  ', 'id: must not be empty'],
    ['traceparent', 'not-a-trace', 'traceparent: not a W3C trace context traceparent'],
    ['ce_subject', 'other-aggregate', 'subject: differs from the record key'],
  ])('rejects an invalid %s (%s)', (header, value, message) => {
    const received = asReceived(toKafkaMessage(event));
    received.headers[header] = Buffer.from(value);
    expect(() => fromKafkaMessage(received)).toThrow(message);
  });

  it('refuses to encode an invalid event, naming the attribute', () => {
    expect(() => toKafkaMessage({ ...event, time: '31/01/2025' })).toThrow(
      'time: not an RFC 3339 timestamp',
    );
    expect(() => toKafkaMessage({ ...event, subject: '' })).toThrow('subject: must not be empty');
    expect(() => toKafkaMessage({ ...event, extensions: { 'Bad-Name': 'x' } })).toThrow(
      'extension Bad-Name',
    );
  });

  it('rejects a header repeated with different values', () => {
    const received = asReceived(toKafkaMessage(event)) as {
      key: Buffer;
      value: Buffer;
      headers: Record<string, Buffer | Buffer[]>;
    };
    received.headers.ce_id = [Buffer.from('a'), Buffer.from('b')];
    expect(() => fromKafkaMessage(received)).toThrow('ce_id: header appears more than once');
  });
});
