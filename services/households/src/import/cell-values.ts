/**
 * Household-specific cell reading; the generic readers (text, dates, citizen IDs, whole
 * numbers, flags, lists) live in @posa/tabular.
 */
import { textOf, type CellValue } from '@posa/tabular';

export type { CellValue } from '@posa/tabular';

/** A 2-digit code such as the ethnic group: 1 and "1" become "01" (no ambiguity). */
export function twoDigitCodeOf(cell: CellValue): string {
  const text = textOf(cell);
  return /^\d$/.test(text) ? `0${text}` : text;
}
