import type { PayrollJson, PayrollLineJson } from '../api/payment-json';
import type { ReconciliationJson } from '../api/payment-reconciliation-json';
import { translator } from '../i18n';
import type { PageContext } from './layout';
import { payrollPage, type PayrollPageModel } from './payment-page';
import { reconciliationPage } from './payment-reconciliation-page';

const ctx = (lang: 'vi' | 'en' = 'vi'): PageContext => ({
  t: translator(lang),
  lang,
  currentUrl: '/payrolls/x',
  csrfToken: 'tok',
  signedIn: true,
});

const totals = (total: string) => ({
  lines: 1,
  currentVnd: '750000',
  arrearsVnd: '500000',
  recoveryVnd: '0',
  carriedOverVnd: '0',
  totalVnd: total,
});

const payroll = (status: PayrollJson['status']): PayrollJson => ({
  id: '6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c',
  communeCode: '00004',
  provinceCode: '01',
  month: '2026-03',
  status,
  totals: totals('1250000'),
  channels: [{ channel: 'cash_at_commune', totals: totals('1250000') }],
  exceptions: [
    {
      caseId: '1b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c',
      caseCode: 'TC-2',
      kind: 'negative_net',
      amountVnd: '-300000',
      detail: '<b>x</b>',
    },
  ],
  generation: 1,
  generatedAt: '2026-03-16T01:00:00.000Z',
  approvedBy: null,
  approvedAt: null,
  closedBy: null,
  closedAt: null,
  version: 2,
});

const line: PayrollLineJson = {
  id: '2b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c',
  caseId: '3b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c',
  caseCode: 'TC-1',
  fullName: '<script>Lê Thị Tư</script>',
  citizenId: '********2345',
  channel: 'cash_at_commune',
  bankCode: null,
  accountNumber: null,
  items: [
    { forMonth: '2026-03', kind: 'current', amountVnd: '750000' },
    { forMonth: '2026-02', kind: 'arrears', amountVnd: '500000' },
  ],
  totalVnd: '1250000',
  outcome: 'pending',
  outcomeReason: null,
};

const model = (over: Partial<PayrollPageModel>): PayrollPageModel => ({
  p: payroll('closed'),
  offered: [],
  lines: { lines: [line], channel: '', page: '' },
  maxUploadBytes: 50 * 1024 * 1024,
  ...over,
});

describe('payroll page', () => {
  it('escapes names and details and groups amounts the Vietnamese way', () => {
    const page = payrollPage(ctx(), model({}));
    expect(page).not.toContain('<script>Lê');
    expect(page).toContain('&lt;script&gt;Lê Thị Tư&lt;/script&gt;');
    expect(page).not.toContain('<b>x</b>');
    expect(page).toContain('1.250.000 đ');
    expect(page).toContain('−300.000 đ');
    expect(page).toContain('Truy lĩnh 2026-02: 500.000 đ');
    expect(page).toContain('Số thu hồi lớn hơn số được hưởng');
  });

  it('shows the forms offered, each with the CSRF token, and none to readers', () => {
    const reader = payrollPage(ctx(), model({}));
    expect(reader).not.toContain('data-testid="payroll-actions"');
    expect(reader).not.toContain('data-testid="form-record_result"');
    const officer = payrollPage(
      ctx(),
      model({ offered: ['download_files', 'record_result', 'upload_results'], files: [] }),
    );
    expect(officer).toContain('action="/payrolls/6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c/results"');
    expect(officer).toContain('enctype="multipart/form-data"');
    expect(officer).toContain(`/lines/${line.id}/result`);
    expect(officer.match(/name="_csrf" value="tok"/g)?.length).toBeGreaterThanOrEqual(3);
    const approver = payrollPage(ctx(), model({ p: payroll('draft'), offered: ['approve'] }));
    expect(approver).toContain('data-testid="form-approve"');
    expect(approver).toContain('name="expected_version" value="2"');
  });

  it('speaks English on request', () => {
    const page = payrollPage(ctx('en'), model({}));
    expect(page).toContain('1,250,000 VND');
    expect(page).toContain('Arrears 2026-02');
    expect(page).toContain('<html lang="en">');
  });
});

describe('reconciliation page', () => {
  it('shows the unit, its children with links, and the exceptions', () => {
    const figures = {
      lines: 2,
      plannedVnd: '1500000',
      paidVnd: '750000',
      unpaidVnd: '750000',
      returnedVnd: '0',
      pendingVnd: '0',
      carriedOverVnd: '0',
    };
    const report: ReconciliationJson = {
      unit: {
        unitCode: '01',
        figures,
        communesWithoutPayroll: 3,
        payrollsOpen: 0,
        payrollsClosed: 1,
      },
      children: [
        {
          unitCode: '00004',
          figures,
          communesWithoutPayroll: 0,
          payrollsOpen: 0,
          payrollsClosed: 1,
        },
      ],
      exceptions: [
        {
          unitCode: '00004',
          kind: 'missing_result',
          payrollId: null,
          lineId: null,
          amountVnd: '750000',
          detail: 'd',
        },
      ],
      computedAt: '2026-03-16T01:00:00.000Z',
    };
    const page = reconciliationPage(ctx(), { unit: '01', month: '2026-03', report });
    expect(page).toContain('href="/reconciliation?unit=00004&amp;month=2026-03"');
    expect(page).toContain('1.500.000 đ');
    expect(page).toContain('Thiếu kết quả chi trả');
  });
});
