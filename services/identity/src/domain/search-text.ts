/**
 * Search keys for Vietnamese names: lower case, without diacritics, đ/Đ as d, words
 * separated by single spaces. "Phường Phúc Xá" and "phuong phuc xa" give the same key, so
 * a query typed without diacritics finds the name.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^a-z0-9]+/g;

export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The distinct words of a query's search key (empty when it has none). */
export function searchWords(query: string): string[] {
  const key = searchKey(query);
  return key === '' ? [] : [...new Set(key.split(' '))];
}
