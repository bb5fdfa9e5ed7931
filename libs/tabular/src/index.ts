export {
  citizenIdOf,
  dateOf,
  flagOf,
  listOf,
  textOf,
  wholeOf,
  type CellDate,
  type CellValue,
  type Read,
} from './cell-values';
export { csvRecords, csvRows, type ByteSource } from './csv-rows';
export { cellsByKey, isBlank, keysOfHeader, type ColumnSet, type KeyedRow } from './keyed-rows';
export { ISSUE_HEADER, writeReportXlsx, type ReportContent, type ReportSheet } from './report-xlsx';
export { UnreadableFileError } from './unreadable-file';
export { xlsxKeyedRows, xlsxRows, type SheetRow } from './xlsx-rows';
