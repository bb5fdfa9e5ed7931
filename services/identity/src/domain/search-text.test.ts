import { searchKey, searchWords } from './search-text';

describe('searchKey', () => {
  it('drops diacritics and case so a query typed without them matches', () => {
    expect(searchKey('Phường Phúc Xá')).toBe('phuong phuc xa');
    expect(searchKey('phuc xa')).toBe('phuc xa');
    expect(searchKey('Thành phố Hồ Chí Minh')).toBe('thanh pho ho chi minh');
  });

  it('maps đ and Đ to d (they are letters, not marks)', () => {
    expect(searchKey('Đắk Lắk')).toBe('dak lak');
    expect(searchKey('Xã Đồng Đăng')).toBe('xa dong dang');
    expect(searchKey('đường')).toBe('duong');
  });

  it('gives the same key for composed and decomposed input', () => {
    const composed = 'Thủy Nguyên'.normalize('NFC');
    expect(searchKey(composed.normalize('NFD'))).toBe(searchKey(composed));
  });

  it('keeps digits and collapses punctuation and spaces', () => {
    expect(searchKey('  Phường  12, (Quận 3) ')).toBe('phuong 12 quan 3');
  });
});

describe('searchWords', () => {
  it('gives distinct words, none for punctuation only', () => {
    expect(searchWords('Phúc  phuc Xá')).toEqual(['phuc', 'xa']);
    expect(searchWords(' ,.- ')).toEqual([]);
  });
});
