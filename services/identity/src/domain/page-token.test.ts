import { InvalidArgumentError } from '@posa/platform';
import { decodePageToken, encodePageToken, MAX_PAGE_SIZE, pageOf, pageSizeOf } from './page-token';

describe('page tokens', () => {
  it('round-trips the sort key for the same query', () => {
    const token = encodePageToken('search:2025:phuc', [1, '01/00004']);
    expect(decodePageToken(token, 'search:2025:phuc', 2)).toEqual([1, '01/00004']);
    expect(decodePageToken('', 'search:2025:phuc', 2)).toBeNull();
  });

  it('refuses tokens of another query or not issued here, naming page.page_token', () => {
    const token = encodePageToken('children:2025:01', ['00004']);
    expect(() => decodePageToken(token, 'children:2025:79', 1)).toThrow(
      /page.page_token: belongs to another query/,
    );
    expect(() => decodePageToken('not-a-token', 'x', 1)).toThrow(InvalidArgumentError);
  });

  it('bounds the page size and splits one extra row into the next token', () => {
    expect(pageSizeOf(undefined)).toBe(50);
    expect(pageSizeOf({ pageSize: 10_000, pageToken: '' })).toBe(MAX_PAGE_SIZE);
    expect(() => pageSizeOf({ pageSize: -1, pageToken: '' })).toThrow(/page.page_size/);
    const page = pageOf(['a', 'b', 'c'], 2, 's', (x) => [x]);
    expect(page.items).toEqual(['a', 'b']);
    expect(decodePageToken(page.nextPageToken, 's', 1)).toEqual(['b']);
    expect(pageOf(['a'], 2, 's', (x) => [x]).nextPageToken).toBe('');
  });
});
