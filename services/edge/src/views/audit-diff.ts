/**
 * A compact diff of an audit entry's before/after snapshots: only the keys whose value
 * changed, each as text ("officer, analyst"), in a stable order. A creation lists every
 * key of the new state that has a value; a removal every key of the old one.
 */
export interface DiffLine {
  key: string;
  /** Undefined: the key was absent before (or after). */
  before?: string;
  after?: string;
}

/** A snapshot value as short text: lists joined, objects as JSON, null as empty. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function snapshotDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): DiffLine[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const lines: DiffLine[] = [];
  for (const key of keys) {
    const had = before !== null && Object.prototype.hasOwnProperty.call(before, key);
    const has = after !== null && Object.prototype.hasOwnProperty.call(after, key);
    const old = had ? valueText(before[key]) : undefined;
    const now = has ? valueText(after[key]) : undefined;
    if (old === now) continue;
    if (before === null && now === '') continue; // a creation: nothing to show for empty keys
    lines.push({
      key,
      ...(old === undefined ? {} : { before: old }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  return lines;
}
