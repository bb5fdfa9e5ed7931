/** The calls a commune's officer and approver make month after month, for the payroll tests. */
import type { Harness } from './harness';

const month = (m: number) => ({ year: 2026, month: m });

export class CommuneSteps {
  constructor(
    private readonly h: Harness,
    private readonly communeCode: string,
    private readonly officer: Record<string, string>,
    private readonly approver: Record<string, string>,
  ) {}

  /** The case's last applied sequence in the ledger (0 when unknown). */
  async sequenceOf(caseId: string): Promise<number> {
    const res = await this.h.app.pool.query<{ last_sequence: string }>(
      'SELECT last_sequence FROM ledger_case WHERE case_id = $1',
      [caseId],
    );
    return Number(res.rows[0]?.last_sequence ?? 0);
  }

  async linesOf(payrollId: string) {
    const res = await this.h.payrolls.call(
      'listPayrollLines',
      { payrollId, channel: '' },
      { metadata: this.officer },
    );
    return res.lines;
  }

  /** GeneratePayroll of month `m` of 2026. */
  generate(m: number) {
    return this.h.payrolls.call(
      'generatePayroll',
      { communeCode: this.communeCode, month: month(m) },
      { metadata: this.officer },
    );
  }

  async approveAndClose(payrollId: string, version: number) {
    const approved = await this.h.payrolls.call(
      'approvePayroll',
      { payrollId, expectedVersion: version },
      { metadata: this.approver },
    );
    return this.h.payrolls.call(
      'closePayroll',
      { payrollId, expectedVersion: approved.payroll!.version },
      { metadata: this.approver },
    );
  }

  /** Records the agent's result of a line (kết quả chi trả) through PaymentResultService. */
  async record(lineId: string, outcome: 'paid' | 'unpaid', paidOn?: string): Promise<void> {
    const [y, m, d] = (paidOn ?? '0-0-0').split('-').map(Number) as [number, number, number];
    await this.h.results.call(
      'recordPaymentResult',
      {
        lineId,
        outcome,
        reason: outcome === 'unpaid' ? 'không liên lạc được' : '',
        paidOn: paidOn === undefined ? undefined : { year: y, month: m, day: d },
      },
      { metadata: this.officer },
    );
  }
}
