/** Names as stored (NFC, trimmed, single spaces) and as searched (no diacritics, đ → d). */

export function normaliseName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** "Nguyễn Văn Đức" → "nguyen van duc". */
export function nameSearchKey(name: string): string {
  return normaliseName(name)
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
