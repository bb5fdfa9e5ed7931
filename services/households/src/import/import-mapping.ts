/** ImportJob messages from job records. */
import { ImportMode, ImportStatus, type ImportJob } from '@posa/proto';
import type { ImportJobRecord, ImportModeCode } from './import-jobs';

const STATUS: Record<ImportJobRecord['status'], ImportStatus> = {
  running: ImportStatus.IMPORT_STATUS_RUNNING,
  completed: ImportStatus.IMPORT_STATUS_COMPLETED,
  partial: ImportStatus.IMPORT_STATUS_PARTIAL,
  rejected: ImportStatus.IMPORT_STATUS_REJECTED,
  failed: ImportStatus.IMPORT_STATUS_FAILED,
};

export function modeOf(mode: ImportMode): ImportModeCode | undefined {
  if (mode === ImportMode.IMPORT_MODE_UNSPECIFIED || mode === ImportMode.IMPORT_MODE_ALL_OR_NOTHING)
    return 'all_or_nothing';
  if (mode === ImportMode.IMPORT_MODE_VALID_ROWS) return 'valid_rows';
  return undefined;
}

export function jobToProto(j: ImportJobRecord): ImportJob {
  return {
    id: j.id,
    fileName: j.fileName,
    fileSha256: j.fileSha256,
    fileSize: String(j.fileSize),
    formType: j.formType,
    communeCode: j.communeCode,
    villageCode: j.villageCode,
    mode:
      j.mode === 'valid_rows'
        ? ImportMode.IMPORT_MODE_VALID_ROWS
        : ImportMode.IMPORT_MODE_ALL_OR_NOTHING,
    status: STATUS[j.status],
    rowsRead: j.rowsRead,
    householdsCreated: j.householdsCreated,
    householdsUpdated: j.householdsUpdated,
    householdsUnchanged: j.householdsUnchanged,
    householdsRefused: j.householdsRefused,
    errorCount: j.errorCount,
    actorId: j.actorId,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt ?? undefined,
    failure: j.failure,
  };
}
