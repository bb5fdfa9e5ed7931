/**
 * JSON shapes of đối soát (reconciliation of a unit and month) and of a result-file import, and
 * the conversions from the proto messages; amounts as integer VND text, as in payment-json.ts.
 */
import type {
  GetReconciliationResponse,
  ImportPaymentResultsResponse,
  ReconciliationException,
  ReconciliationFigures,
  UnitReconciliation,
} from '@posa/proto';
import { instant, orNull, vndText } from './payment-json';

export interface FiguresJson {
  lines: number;
  plannedVnd: string;
  paidVnd: string;
  unpaidVnd: string;
  returnedVnd: string;
  pendingVnd: string;
  carriedOverVnd: string;
}

export function figuresJson(f: ReconciliationFigures | undefined): FiguresJson {
  return {
    lines: f?.lines ?? 0,
    plannedVnd: vndText(f?.plannedVnd),
    paidVnd: vndText(f?.paidVnd),
    unpaidVnd: vndText(f?.unpaidVnd),
    returnedVnd: vndText(f?.returnedVnd),
    pendingVnd: vndText(f?.pendingVnd),
    carriedOverVnd: vndText(f?.carriedOverVnd),
  };
}

export interface UnitReconciliationJson {
  unitCode: string;
  figures: FiguresJson;
  communesWithoutPayroll: number;
  payrollsOpen: number;
  payrollsClosed: number;
}

const unitReconciliationJson = (u: UnitReconciliation | undefined): UnitReconciliationJson => ({
  unitCode: u?.unitCode ?? '',
  figures: figuresJson(u?.figures),
  communesWithoutPayroll: u?.communesWithoutPayroll ?? 0,
  payrollsOpen: u?.payrollsOpen ?? 0,
  payrollsClosed: u?.payrollsClosed ?? 0,
});

export interface ReconciliationExceptionJson {
  unitCode: string;
  kind: string;
  payrollId: string | null;
  lineId: string | null;
  amountVnd: string;
  detail: string;
}

const reconciliationExceptionJson = (e: ReconciliationException): ReconciliationExceptionJson => ({
  unitCode: e.unitCode,
  kind: e.kind,
  payrollId: orNull(e.payrollId),
  lineId: orNull(e.lineId),
  amountVnd: vndText(e.amountVnd),
  detail: e.detail,
});

export interface ReconciliationJson {
  unit: UnitReconciliationJson;
  children: UnitReconciliationJson[];
  exceptions: ReconciliationExceptionJson[];
  computedAt: string | null;
}

export function reconciliationJson(r: GetReconciliationResponse): ReconciliationJson {
  return {
    unit: unitReconciliationJson(r.unit),
    children: r.children.map(unitReconciliationJson),
    exceptions: r.exceptions.map(reconciliationExceptionJson),
    computedAt: instant(r.computedAt),
  };
}

export interface ResultImportJson {
  importId: string;
  status: string;
  rows: number;
  recorded: number;
  invalidRows: number;
  duplicate: boolean;
}

export const resultImportJson = (r: ImportPaymentResultsResponse): ResultImportJson => ({
  importId: r.importId,
  status: r.status,
  rows: r.rows,
  recorded: r.recorded,
  invalidRows: r.invalidRows,
  duplicate: r.duplicate,
});
