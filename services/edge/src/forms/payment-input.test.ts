import fc from 'fast-check';
import { PayrollStatus } from '@posa/proto';
import { vndText } from '../api/payment-json';
import { EdgeError } from '../http/errors';
import { formatVnd } from '../views/case-parts';
import { formSource, jsonSource } from './case-source';
import {
  channelFilterOf,
  generationTargetOf,
  paymentFileNameOf,
  payrollStatusName,
  payrollStatusOf,
  payrollVersionOf,
  resultFileNameOf,
  resultImportModeOf,
  resultRequestOf,
} from './payment-input';

const LINE = '6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof EdgeError) return err.field;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('payment input', () => {
  it('reads statuses both ways and refuses unknown ones naming the field', () => {
    expect(payrollStatusOf('')).toBe(PayrollStatus.PAYROLL_STATUS_UNSPECIFIED);
    expect(payrollStatusOf('closed')).toBe(PayrollStatus.PAYROLL_STATUS_CLOSED);
    expect(payrollStatusName(PayrollStatus.PAYROLL_STATUS_APPROVED)).toBe('approved');
    expect(payrollStatusName(99)).toBeNull();
    expect(fieldOf(() => payrollStatusOf('paid'))).toBe('status');
    expect(fieldOf(() => channelFilterOf('cheque'))).toBe('channel');
    expect(channelFilterOf('bank_transfer')).toBe('bank_transfer');
  });

  it('generates for a commune or a whole province', () => {
    expect(generationTargetOf('00004')).toEqual({ kind: 'commune', code: '00004' });
    expect(generationTargetOf(' 01 ')).toEqual({ kind: 'province', code: '01' });
    for (const bad of ['', '001', 'VN', '0000a', '000040'])
      expect(fieldOf(() => generationTargetOf(bad))).toBe('commune_code');
  });

  it('takes the version read as a positive integer', () => {
    expect(payrollVersionOf('3')).toBe(3);
    for (const bad of ['', '0', '-1', '1.5', 'x'])
      expect(fieldOf(() => payrollVersionOf(bad))).toBe('expected_version');
  });

  it('builds a result request, the reason required unless paid', () => {
    expect(resultRequestOf(formSource({ outcome: 'paid', paid_on: '2026-03-05' }), LINE)).toEqual({
      lineId: LINE,
      outcome: 'paid',
      reason: '',
      paidOn: { year: 2026, month: 3, day: 5 },
    });
    expect(
      resultRequestOf(jsonSource({ outcome: 'returned', reason: 'tài khoản đã đóng' }), LINE),
    ).toEqual({ lineId: LINE, outcome: 'returned', reason: 'tài khoản đã đóng' });
    expect(fieldOf(() => resultRequestOf(formSource({ outcome: 'lost' }), LINE))).toBe('outcome');
    expect(fieldOf(() => resultRequestOf(formSource({ outcome: 'unpaid' }), LINE))).toBe('reason');
    expect(
      fieldOf(() => resultRequestOf(formSource({ outcome: 'paid', paid_on: '2026-02-30' }), LINE)),
    ).toBe('paid_on');
  });

  it('checks file names and the import mode', () => {
    expect(resultFileNameOf('ket-qua.XLSX')).toBe('ket-qua.XLSX');
    expect(fieldOf(() => resultFileNameOf('ket-qua.pdf'))).toBe('file_name');
    expect(fieldOf(() => resultFileNameOf('a/b.csv'))).toBe('file_name');
    expect(resultImportModeOf('')).toBe('all_or_nothing');
    expect(fieldOf(() => resultImportModeOf('some'))).toBe('mode');
    expect(paymentFileNameOf('chi-tra-00004-2026-03-checksums.sig')).toBe(
      'chi-tra-00004-2026-03-checksums.sig',
    );
    expect(fieldOf(() => paymentFileNameOf('../etc/passwd'))).toBe('file_name');
  });
});

describe('amounts in VND', () => {
  const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('keep every safe integer exactly as decimal text', () => {
    fc.assert(fc.property(safe, (n) => vndText(String(n)) === String(n)));
    expect(vndText('')).toBe('0');
    expect(vndText('-0')).toBe('0');
  });

  it('refuse text that is not a safe integer', () => {
    for (const bad of ['1.5', '1e6', '9007199254740993', 'abc', ' 1'])
      expect(() => vndText(bad)).toThrow('out of range');
  });

  it('show with Vietnamese grouping and read back to the same amount', () => {
    expect(formatVnd('vi', 1250000)).toBe('1.250.000 đ');
    expect(formatVnd('vi', -300000)).toBe('−300.000 đ');
    fc.assert(
      fc.property(safe, (n) => {
        const shown = formatVnd('vi', n);
        expect(shown).toMatch(/^−?\d{1,3}(\.\d{3})* đ$/);
        const back = Number(shown.replace(/[.\s đ]/g, '').replace('−', '-'));
        return back === n || (n === 0 && back === 0);
      }),
    );
  });
});
