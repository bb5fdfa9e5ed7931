/** What the two file readers (CSV, XLSX) give the import: header facts and data rows. */
import type { ColumnSet, KeyedRow } from '@posa/tabular';
import { COLUMN_KEYS } from './columns';

/** A member row keyed by column (see @posa/tabular). */
export type FileRow = KeyedRow;

export interface FileHeader {
  /** From the header block of a village file; undefined for CSV. */
  communeCode?: string;
  villageCode?: string;
  formType?: string;
}

/** The columns of a household import file and those it must carry. */
export const IMPORT_COLUMN_SET: ColumnSet = {
  known: COLUMN_KEYS,
  required: ['full_name', 'date_of_birth', 'sex', 'relation'],
};
