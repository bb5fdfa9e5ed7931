import { checkResultRow, indexLines, type RowContext } from './result-file';
import type { ResultLine } from './result-store';

const line = (n: number, over: Partial<ResultLine> = {}): ResultLine => ({
  lineId: `00000000-0000-4000-8000-00000000000${n}`,
  payrollId: 'p',
  caseCode: `TC-0000${n}`,
  fullName: 'Nguyễn Văn An',
  citizenId: `00108501234${n}`,
  channel: 'cash_at_commune',
  totalVnd: 750_000 * n,
  outcome: 'pending',
  reason: '',
  paidOn: undefined,
  version: 0,
  ...over,
});

const lines = [line(1), line(2), line(3, { outcome: 'unpaid', reason: 'vắng nhà', version: 1 })];

function ctx(over: Partial<RowContext> = {}): RowContext {
  return { index: indexLines(lines), later: [], today: '2026-04-10', seen: new Set(), ...over };
}

const row = (rowNo: number, cells: Record<string, string | number>) => ({ rowNo, cells });

describe('a row of a result file', () => {
  it('records a paid line named by its id or its case code', () => {
    const byId = checkResultRow(
      row(2, {
        line_id: lines[0]!.lineId.toUpperCase(),
        citizen_id: '001085012341',
        amount: '750.000',
        outcome: 'paid',
        paid_on: '05/04/2026',
      }),
      ctx(),
    );
    expect(byId.issues).toEqual([]);
    expect(byId.result).toMatchObject({
      outcome: 'paid',
      paidOn: '2026-04-05',
      amountVnd: 750_000,
    });
    const byCode = checkResultRow(
      row(3, {
        case_code: 'TC-00002',
        citizen_id: '001085012342',
        amount: 1_500_000,
        outcome: 'Chưa chi trả',
        reason: 'đi vắng',
      }),
      ctx(),
    );
    expect(byCode.result).toMatchObject({
      outcome: 'unpaid',
      reason: 'đi vắng',
      paidOn: undefined,
    });
  });

  it('names each column that is wrong, with the value given', () => {
    const { issues, result } = checkResultRow(
      row(7, {
        case_code: 'TC-00001',
        citizen_id: '001085099999',
        amount: '750001',
        outcome: 'paid',
        paid_on: '31/02/2026',
      }),
      ctx(),
    );
    expect(result).toBeUndefined();
    expect(issues).toEqual([
      {
        rowNo: 7,
        column: 'citizen_id',
        value: '001085099999',
        reason: "does not match the line's citizen ID",
      },
      {
        rowNo: 7,
        column: 'amount',
        value: '750001',
        reason: 'is not the planned total of the line (750000)',
      },
      {
        rowNo: 7,
        column: 'paid_on',
        value: '31/02/2026',
        reason: 'is not a full calendar date (dd/mm/yyyy)',
      },
    ]);
  });

  it('refuses unknown lines, a line given twice, a bad outcome and a missing reason', () => {
    const c = ctx();
    expect(
      checkResultRow(row(2, { line_id: 'x', citizen_id: '1', amount: 1, outcome: 'paid' }), c)
        .issues[0],
    ).toMatchObject({ column: 'line_id', reason: 'is not a line of this payroll' });
    const ok = {
      case_code: 'TC-00001',
      citizen_id: '001085012341',
      amount: 750000,
      outcome: 'returned',
      reason: 'sai tài khoản',
    };
    expect(checkResultRow(row(3, ok), c).issues).toEqual([]);
    expect(checkResultRow(row(4, ok), c).issues[0]).toMatchObject({
      column: 'case_code',
      reason: 'names a line already given in an earlier row',
    });
    const bad = checkResultRow(
      row(5, {
        case_code: 'TC-00002',
        citizen_id: '001085012342',
        amount: 1500000,
        outcome: 'lost',
      }),
      c,
    );
    expect(bad.issues).toEqual([
      { rowNo: 5, column: 'outcome', value: 'lost', reason: 'must be paid, unpaid or returned' },
    ]);
    const noReason = checkResultRow(
      row(6, {
        case_code: 'TC-00002',
        citizen_id: '001085012342',
        amount: 1500000,
        outcome: 'unpaid',
      }),
      ctx(),
    );
    expect(noReason.issues).toEqual([
      { rowNo: 6, column: 'reason', value: '', reason: 'is required for unpaid' },
    ]);
  });

  it('refuses a correction once the next payroll is closed, unless the row repeats the result', () => {
    const closed = ctx({ later: [{ month: '2026-04', status: 'closed' }] });
    const change = {
      case_code: 'TC-00003',
      citizen_id: '001085012343',
      amount: 2250000,
      outcome: 'paid',
      paid_on: '2026-04-01',
    };
    expect(checkResultRow(row(2, change), closed).issues[0]?.reason).toMatch(/2026-04 is closed/);
    const same = { ...change, outcome: 'unpaid', reason: 'vắng nhà', paid_on: '' };
    expect(checkResultRow(row(3, same), ctx({ later: closed.later })).issues).toEqual([]);
  });
});
