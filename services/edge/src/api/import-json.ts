/** JSON shapes of form C/C1 imports (nhập phiếu C, C1) and the names of their enums. */
import { ImportMode, ImportStatus, type ImportJob } from '@posa/proto';
import { badRequest } from '../http/errors';

export type ImportModeName = 'all_or_nothing' | 'valid_rows';
export type ImportStatusName = 'running' | 'completed' | 'partial' | 'rejected' | 'failed';

export const IMPORT_MODES: readonly ImportModeName[] = ['all_or_nothing', 'valid_rows'];
export const IMPORT_STATUSES: readonly ImportStatusName[] = [
  'running',
  'completed',
  'partial',
  'rejected',
  'failed',
];
export const FORM_TYPES = ['C', 'C1'] as const;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MODE_OF_NAME: Record<ImportModeName, ImportMode> = {
  all_or_nothing: ImportMode.IMPORT_MODE_ALL_OR_NOTHING,
  valid_rows: ImportMode.IMPORT_MODE_VALID_ROWS,
};

const STATUS_NAME: Partial<Record<ImportStatus, ImportStatusName>> = {
  [ImportStatus.IMPORT_STATUS_RUNNING]: 'running',
  [ImportStatus.IMPORT_STATUS_COMPLETED]: 'completed',
  [ImportStatus.IMPORT_STATUS_PARTIAL]: 'partial',
  [ImportStatus.IMPORT_STATUS_REJECTED]: 'rejected',
  [ImportStatus.IMPORT_STATUS_FAILED]: 'failed',
};

/** `all_or_nothing` (default when empty) or `valid_rows`, else 400 naming `field`. */
export function importModeOf(text: string, field = 'mode'): ImportMode {
  if (text === '') return ImportMode.IMPORT_MODE_ALL_OR_NOTHING;
  if (!(IMPORT_MODES as readonly string[]).includes(text))
    throw badRequest(field, 'must be all_or_nothing or valid_rows');
  return MODE_OF_NAME[text as ImportModeName];
}

/** `C` or `C1`, else 400 naming `field`. */
export function formTypeOf(text: string, field = 'form_type'): 'C' | 'C1' {
  if (text === 'C' || text === 'C1') return text;
  throw badRequest(field, 'must be C or C1');
}

export function importModeName(mode: ImportMode): ImportModeName {
  return mode === ImportMode.IMPORT_MODE_VALID_ROWS ? 'valid_rows' : 'all_or_nothing';
}

export function importStatusName(status: ImportStatus): ImportStatusName | null {
  return STATUS_NAME[status] ?? null;
}

export interface ImportJobJson {
  id: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  formType: string;
  communeCode: string;
  villageCode: string | null;
  mode: ImportModeName;
  status: ImportStatusName | null;
  rowsRead: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsUnchanged: number;
  householdsRefused: number;
  errorCount: number;
  createdAt: string | null;
  finishedAt: string | null;
  failure: string | null;
}

export function importJobJson(j: ImportJob): ImportJobJson {
  return {
    id: j.id,
    fileName: j.fileName,
    fileSha256: j.fileSha256,
    fileSize: Number(j.fileSize),
    formType: j.formType,
    communeCode: j.communeCode,
    villageCode: j.villageCode === '' ? null : j.villageCode,
    mode: importModeName(j.mode),
    status: importStatusName(j.status),
    rowsRead: j.rowsRead,
    householdsCreated: j.householdsCreated,
    householdsUpdated: j.householdsUpdated,
    householdsUnchanged: j.householdsUnchanged,
    householdsRefused: j.householdsRefused,
    errorCount: j.errorCount,
    createdAt: j.createdAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
    failure: j.failure === '' ? null : j.failure,
  };
}
