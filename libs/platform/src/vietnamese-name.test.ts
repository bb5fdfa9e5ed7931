import { nameSearchKey, normaliseName } from './vietnamese-name';

describe('person names', () => {
  it('stores NFC, trimmed, single-spaced', () => {
    const decomposed = 'Nguye\u0302\u0303n  Va\u0306n'.normalize('NFD');
    expect(normaliseName(`  ${decomposed} `)).toBe('Nguyễn Văn');
  });

  it('searches without diacritics, đ written d', () => {
    expect(nameSearchKey('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(nameSearchKey('Trần Thị Đào'.normalize('NFD'))).toBe('tran thi dao');
  });
});
