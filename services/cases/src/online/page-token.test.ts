import fc from 'fast-check';
import { InvalidArgumentError } from '@posa/platform';
import { decodePageToken, encodePageToken, pageSizeOf } from './page-token';

describe('page tokens', () => {
  it('read back the key under the same scope', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.date({ min: new Date(2020, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true }),
        (id, at) => {
          const key = { receivedAt: at.toISOString(), id };
          expect(decodePageToken('list|01', encodePageToken('list|01', key))).toEqual(key);
        },
      ),
    );
  });

  it('are refused under another scope or when not a token', () => {
    const token = encodePageToken('list|01', {
      receivedAt: '2026-01-01T00:00:00.000Z',
      id: '4f7a1c2e-0000-4000-8000-000000000001',
    });
    expect(() => decodePageToken('list|02', token)).toThrow(InvalidArgumentError);
    expect(() => decodePageToken('list|01', 'garbage')).toThrow(InvalidArgumentError);
    expect(decodePageToken('list|01', '')).toBeUndefined();
  });

  it('cap the page size', () => {
    expect(pageSizeOf(0)).toBe(50);
    expect(pageSizeOf(500)).toBe(200);
    expect(() => pageSizeOf(-1)).toThrow(InvalidArgumentError);
  });
});
