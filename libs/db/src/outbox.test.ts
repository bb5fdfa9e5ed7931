import {
  OutboxValidationError,
  MAX_OUTBOX_BATCH,
  validateOutboxEvents,
  type OutboxEvent,
} from './outbox';

const valid: OutboxEvent = {
  topic: 'posa.identity.events.v1',
  aggregateType: 'account',
  aggregateId: 'acc-1',
  type: 'com.posa.identity.account-created.v1',
  source: '/services/identity',
  payload: new Uint8Array([1, 2, 3]),
};

function fieldOf(events: unknown[]): string | undefined {
  try {
    validateOutboxEvents(events as OutboxEvent[]);
  } catch (err) {
    expect(err).toBeInstanceOf(OutboxValidationError);
    expect((err as Error).message).toContain((err as OutboxValidationError).field);
    return (err as OutboxValidationError).field;
  }
  return undefined;
}

describe('validateOutboxEvents', () => {
  it('accepts well-formed events, with or without id and headers', () => {
    expect(
      fieldOf([
        valid,
        { ...valid, id: '8f0e3c1e-7a41-4a53-9b57-2f1d3c4b5a69', headers: { traceparent: 'x' } },
      ]),
    ).toBe(undefined);
    expect(fieldOf([])).toBe(undefined);
  });

  it.each(['topic', 'aggregateType', 'aggregateId', 'type', 'source'] as const)(
    'names %s when empty or missing',
    (field) => {
      expect(fieldOf([{ ...valid, [field]: '' }])).toBe(field);
      expect(fieldOf([{ ...valid, [field]: undefined }])).toBe(field);
    },
  );

  it('names the id when it is not a uuid', () => {
    expect(fieldOf([{ ...valid, id: 'not-a-uuid' }])).toBe('id');
  });

  it('names the payload when it is not bytes', () => {
    expect(fieldOf([{ ...valid, payload: 'text' }])).toBe('payload');
  });

  it('names the header whose value is not a string', () => {
    expect(fieldOf([{ ...valid, headers: { traceparent: 5 } }])).toBe('headers.traceparent');
    expect(fieldOf([{ ...valid, headers: ['a'] }])).toBe('headers');
  });

  it('reports the index of the bad event', () => {
    try {
      validateOutboxEvents([valid, { ...valid, source: ' ' }]);
      throw new Error('expected a validation error');
    } catch (err) {
      expect((err as OutboxValidationError).index).toBe(1);
      expect((err as Error).message).toBe('outbox event [1].source must be a non-empty string');
    }
  });

  it('rejects the same id twice in one batch', () => {
    const id = '8f0e3c1e-7a41-4a53-9b57-2f1d3c4b5a69';
    expect(
      fieldOf([
        { ...valid, id },
        { ...valid, id },
      ]),
    ).toBe('id');
  });

  it('rejects batches beyond the parameter limit', () => {
    expect(() =>
      validateOutboxEvents(new Array<OutboxEvent>(MAX_OUTBOX_BATCH + 1).fill(valid)),
    ).toThrow(RangeError);
  });
});
