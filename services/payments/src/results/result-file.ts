/**
 * One row of a paying agent's result file, checked against the payroll's lines without I/O.
 * Columns (keys in the row of column keys; the template adds Vietnamese headings above):
 * line_id or case_code (which line), citizen_id (must match the line), amount (must equal the
 * planned total of the line), outcome, reason, paid_on. stt, full_name and months may be
 * present and are not read.
 */
import { isoFromParts } from '@posa/platform';
import {
  citizenIdOf,
  dateOf,
  textOf,
  wholeOf,
  type CellValue,
  type ColumnSet,
  type KeyedRow,
} from '@posa/tabular';
import {
  correctionProblem,
  outcomeOf,
  resultProblems,
  type LaterPayroll,
  type Outcome,
} from './result-rules';
import type { ResultLine } from './result-store';

export const RESULT_COLUMNS: ColumnSet = {
  known: [
    'stt',
    'line_id',
    'case_code',
    'full_name',
    'citizen_id',
    'months',
    'amount',
    'outcome',
    'reason',
    'paid_on',
  ],
  required: ['citizen_id', 'amount', 'outcome'],
};

export interface RowIssue {
  rowNo: number;
  column: string;
  value: string;
  reason: string;
}

export interface RowResult {
  line: ResultLine;
  outcome: Outcome;
  reason: string;
  paidOn: string | undefined;
  amountVnd: number;
}

export interface LineIndex {
  byId: ReadonlyMap<string, ResultLine>;
  byCaseCode: ReadonlyMap<string, ResultLine>;
}

export function indexLines(lines: readonly ResultLine[]): LineIndex {
  return {
    byId: new Map(lines.map((l) => [l.lineId, l])),
    byCaseCode: new Map(lines.map((l) => [l.caseCode, l])),
  };
}

export interface RowContext {
  index: LineIndex;
  later: readonly LaterPayroll[];
  /** YYYY-MM-DD */
  today: string;
  /** Line ids already given by earlier rows of the file. */
  seen: Set<string>;
}

function lineOfRow(
  cells: Record<string, CellValue>,
  ctx: RowContext,
  issue: (column: string, reason: string) => void,
): ResultLine | undefined {
  const id = textOf(cells['line_id']).toLowerCase();
  const code = textOf(cells['case_code']);
  if (id === '' && code === '') {
    issue('line_id', 'line_id or case_code is required');
    return undefined;
  }
  const byId = id === '' ? undefined : ctx.index.byId.get(id);
  const byCode = code === '' ? undefined : ctx.index.byCaseCode.get(code);
  if (id !== '' && byId === undefined) issue('line_id', 'is not a line of this payroll');
  if (code !== '' && byCode === undefined) issue('case_code', 'has no line in this payroll');
  if (byId !== undefined && byCode !== undefined && byId !== byCode) {
    issue('case_code', 'is not the case of the line named by line_id');
    return undefined;
  }
  const line = byId ?? byCode;
  if (
    line === undefined ||
    (id !== '' && byId === undefined) ||
    (code !== '' && byCode === undefined)
  ) {
    return undefined;
  }
  if (ctx.seen.has(line.lineId)) {
    issue(id !== '' ? 'line_id' : 'case_code', 'names a line already given in an earlier row');
    return undefined;
  }
  ctx.seen.add(line.lineId);
  return line;
}

/** The result a row records, or the issues that keep it from being recorded. */
export function checkResultRow(
  row: KeyedRow,
  ctx: RowContext,
): { result?: RowResult; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const issue = (column: string, reason: string) =>
    issues.push({ rowNo: row.rowNo, column, value: textOf(row.cells[column]), reason });
  const line = lineOfRow(row.cells, ctx, issue);

  const id = citizenIdOf(row.cells['citizen_id']);
  if (!id.ok) issue('citizen_id', id.reason);
  else if (id.value === '') issue('citizen_id', 'is required');
  else if (line !== undefined && id.value !== line.citizenId) {
    issue('citizen_id', "does not match the line's citizen ID");
  }

  const amount = wholeOf(row.cells['amount']);
  if (!amount.ok) issue('amount', amount.reason);
  else if (amount.value === undefined) issue('amount', 'is required');
  else if (line !== undefined && amount.value !== line.totalVnd) {
    issue('amount', `is not the planned total of the line (${line.totalVnd})`);
  }

  const outcome = outcomeOf(textOf(row.cells['outcome']));
  if (outcome === undefined) issue('outcome', 'must be paid, unpaid or returned');

  let paidOn: string | undefined;
  const date = dateOf(row.cells['paid_on']);
  if (!date.ok) issue('paid_on', date.reason);
  else if (date.value !== undefined) {
    const iso = isoFromParts(date.value);
    if (iso === null) issue('paid_on', 'is not a full calendar date (dd/mm/yyyy)');
    else paidOn = iso;
  }
  const dateReadable = date.ok && (date.value === undefined || paidOn !== undefined);

  const reason = textOf(row.cells['reason']);
  if (outcome !== undefined && dateReadable) {
    for (const p of resultProblems({ outcome, reason, paidOn }, ctx.today))
      issue(p.field, p.reason);
  }
  const unchanged =
    line !== undefined &&
    line.outcome === outcome &&
    line.reason === reason &&
    line.paidOn === paidOn;
  if (line !== undefined && outcome !== undefined && !unchanged) {
    const refused = correctionProblem(line.outcome, outcome, ctx.later);
    if (refused !== undefined) issue('outcome', refused);
  }
  if (issues.length > 0 || line === undefined || outcome === undefined || !amount.ok) {
    return { issues };
  }
  return { issues, result: { line, outcome, reason, paidOn, amountVnd: line.totalVnd } };
}
