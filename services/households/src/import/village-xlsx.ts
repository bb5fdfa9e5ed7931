/**
 * Reader of an XLSX village file over the streaming sheet reader of @posa/tabular.
 * Layout (see the template): a header block whose first column holds "Mã xã/phường",
 * "Mã thôn/tổ dân phố" and "Loại phiếu" with the value next to it, then a row of
 * Vietnamese headings, then the row of column keys, then one row per member.
 */
import {
  cellsByKey,
  isBlank,
  keysOfHeader,
  textOf,
  UnreadableFileError,
  xlsxRows,
} from '@posa/tabular';
import { HEADER_COMMUNE, HEADER_FORM, HEADER_VILLAGE } from './columns';
import { IMPORT_COLUMN_SET, type FileHeader, type FileRow } from './file-rows';

export interface XlsxFile {
  header: FileHeader;
  rows: AsyncGenerator<FileRow>;
}

/** Reads the header block, then yields the member rows of the first sheet. */
export async function openXlsx(file: string): Promise<XlsxFile> {
  const sheet = await xlsxRows(file);
  const header: FileHeader = {};
  let keys: (string | null)[] | undefined;
  while (keys === undefined) {
    const next = await sheet.next();
    if (next.done) throw new UnreadableFileError('no row of column keys (household_no, ...)');
    const values = next.value.values;
    const label = textOf(values[0]);
    if (label === HEADER_COMMUNE) header.communeCode = textOf(values[1]);
    else if (label === HEADER_VILLAGE) header.villageCode = textOf(values[1]);
    else if (label === HEADER_FORM) header.formType = textOf(values[1]);
    else if (values.some((v) => textOf(v) === 'full_name'))
      keys = keysOfHeader(values, IMPORT_COLUMN_SET);
  }
  const knownKeys = keys;
  async function* rows(): AsyncGenerator<FileRow> {
    for await (const { rowNo, values } of sheet) {
      if (isBlank(values)) continue;
      yield { rowNo, cells: cellsByKey(knownKeys, values) };
    }
  }
  return { header, rows: rows() };
}
