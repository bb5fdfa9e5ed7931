import { silentLogger, type EventsLogger } from './logger';
import { rowToEvent, type UnpublishedRow } from './outbox-store';
import { groupByTopic } from './producer';
import { IdentityEvents } from './topics';

const row: UnpublishedRow = {
  seq: '42',
  id: '0b6b5c44-9a3f-4f43-8c43-7b1f0c1f7f01',
  topic: 'posa.identity.events.v1',
  aggregate_type: 'unit',
  aggregate_id: '01-001',
  event_type: IdentityEvents.unitCreated,
  source: '/services/identity',
  payload: Buffer.from([8, 1]),
  headers: {
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tenant: 'vn',
    'Bad Name': 'x',
  },
  occurred_at: new Date('2025-02-01T10:00:00.000Z'),
};

describe('outbox row to event', () => {
  it('maps columns to CloudEvents attributes and fills dataschema from the catalogue', () => {
    const warnings: object[] = [];
    const logger: EventsLogger = { ...silentLogger, warn: (obj) => warnings.push(obj) };
    expect(rowToEvent(row, logger)).toEqual({
      topic: 'posa.identity.events.v1',
      id: row.id,
      type: 'com.posa.identity.unit-created.v1',
      source: '/services/identity',
      subject: '01-001',
      time: '2025-02-01T10:00:00.000Z',
      dataSchema: 'posa.events.v1.UnitCreated',
      traceparent: row.headers!.traceparent,
      extensions: { aggregatetype: 'unit', tenant: 'vn' },
      data: row.payload,
    });
    expect(warnings).toEqual([{ seq: '42', header: 'Bad Name' }]);
  });

  it('keeps a stored dataschema and omits it for uncatalogued types', () => {
    expect(rowToEvent({ ...row, headers: { dataschema: 'x.Y' } }, silentLogger).dataSchema).toBe(
      'x.Y',
    );
    expect(
      'dataSchema' in rowToEvent({ ...row, event_type: 'com.posa.test.x.v1' }, silentLogger),
    ).toBe(false);
  });
});

describe('grouping by topic', () => {
  it('keeps the order of events inside each topic', () => {
    const a1 = rowToEvent({ ...row, id: 'a1', topic: 'a' }, silentLogger);
    const b1 = rowToEvent({ ...row, id: 'b1', topic: 'b' }, silentLogger);
    const a2 = rowToEvent({ ...row, id: 'a2', topic: 'a' }, silentLogger);
    const grouped = groupByTopic([a1, b1, a2]);
    expect(grouped.map((g) => [g.topic, g.messages.map((m) => String(m.headers!.ce_id))])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});
