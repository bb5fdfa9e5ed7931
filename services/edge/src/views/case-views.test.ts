import type { CaseJson } from '../api/case-json';
import { translator } from '../i18n';
import { casePage, type CasePageModel } from './case-page';
import { caseFieldLabel, formatCoefficient, formatVnd } from './case-parts';
import type { PageContext } from './layout';

const ctx = (lang: 'vi' | 'en' = 'vi'): PageContext => ({
  t: translator(lang),
  lang,
  currentUrl: '/cases/x',
  csrfToken: 'tok',
  signedIn: true,
});

const aCase = (over: Partial<CaseJson> = {}): CaseJson => ({
  id: '6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c',
  code: 'TC-00004-2026-000001',
  kind: 'monthly_allowance',
  status: 'active',
  communeCode: '00004',
  provinceCode: '01',
  beneficiary: {
    memberId: 'm',
    householdId: 'h',
    fullName: '<script>Lê Thị Tư</script>',
    dateOfBirth: '1940',
    sex: 'female',
    citizenId: '001140012345',
  },
  eligibility: { categoryCodes: ['nd20-5c'], disabilityLevel: null, careSupportTypeCode: null },
  payment: { channel: 'cash_at_commune', bankCode: null, accountNumber: null },
  applicationDate: '2026-01-05',
  channel: 'staff',
  procedureCode: 'nd147-2025',
  stepDueOn: null,
  overdue: false,
  steps: [],
  decisions: [
    {
      decisionId: 'd1',
      number: '12/QĐ-UBND',
      signedOn: '2026-01-20',
      signer: 'Chủ tịch',
      effectiveMonth: '2026-01',
      kind: 'approval',
      unitCode: '00004',
      reason: '',
    },
  ],
  periods: [],
  flags: [],
  missingItems: [],
  populationCheck: 'verified',
  transferredFromCaseId: null,
  version: 4,
  updatedAt: null,
  ...over,
});

const model = (over: Partial<CasePageModel> = {}): CasePageModel => ({
  c: aCase(),
  offered: [],
  choices: {
    categories: [{ code: 'nd20-5c', name: 'Người cao tuổi từ 80 tuổi' }],
    careSupportTypes: [],
  },
  range: { from: '2026-01', to: '2026-02' },
  ...over,
});

describe('case views', () => {
  it('formats money as whole VND and coefficients with the language’s separator', () => {
    expect(formatVnd('vi', 750000)).toBe('750.000 đ');
    expect(formatVnd('en', 1234567)).toBe('1,234,567 VND');
    expect(formatVnd('vi', -500000)).toBe('−500.000 đ');
    expect(formatCoefficient('vi', 150)).toBe('1,5');
    expect(formatCoefficient('en', 125)).toBe('1.25');
    expect(formatCoefficient('vi', 200)).toBe('2,0');
  });

  it('names the fields the service refuses', () => {
    const t = translator('vi');
    expect(caseFieldLabel(t, 'decision.signed_on')).toBe('Ngày ký');
    expect(caseFieldLabel(t, 'payment.account_number')).toBe('Số tài khoản');
    expect(caseFieldLabel(t, 'decision_number')).toBe('Số quyết định');
    expect(caseFieldLabel(t, 'something_else')).toBe('something_else');
  });

  it('escapes the beneficiary and shows only the forms offered', () => {
    const none = casePage(ctx(), model());
    expect(none).not.toContain('<script>Lê');
    expect(none).toContain('&lt;script&gt;Lê Thị Tư&lt;/script&gt;');
    expect(none).toContain('12/QĐ-UBND');
    expect(none).not.toContain('data-testid="case-actions"');
    const offered = casePage(ctx(), model({ offered: ['suspend', 'terminate'] }));
    expect(offered).toContain('data-testid="form-suspend"');
    expect(offered).toContain('action="/cases/6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c/terminate"');
    expect(offered).not.toContain('data-testid="form-approve"');
    expect(offered).toContain('name="expected_version" value="4"');
    expect(offered).toContain('name="_csrf" value="tok"');
  });

  it('shows the entitlement with its explanation and total, and the arrears of a variation', () => {
    const html = casePage(
      ctx(),
      model({
        entitlements: [
          {
            month: '2026-01',
            amountVnd: 500000,
            state: 'active',
            categoryCode: 'nd20-5c',
            coefficientHundredths: 100,
            baseLevelVnd: 500000,
            baseLevelProvinceCode: null,
            decisionId: 'd1',
            decisionNumber: '12/QĐ-UBND',
            explanation: '500.000 đ × 1,0 = 500.000 đ',
          },
          {
            month: '2026-02',
            amountVnd: 750000,
            state: 'active',
            categoryCode: 'nd20-5a',
            coefficientHundredths: 150,
            baseLevelVnd: 500000,
            baseLevelProvinceCode: null,
            decisionId: 'd2',
            decisionNumber: '13/QĐ-UBND',
            explanation: '500.000 đ × 1,5 = 750.000 đ',
          },
        ],
        arrears: {
          lines: [{ month: '2026-01', beforeVnd: 500000, afterVnd: 750000, deltaVnd: 250000 }],
          totalVnd: 250000,
        },
      }),
    );
    expect(html).toContain('500.000 đ × 1,5 = 750.000 đ');
    expect(html).toMatch(/data-testid="entitlement-total">1\.250\.000 đ</);
    expect(html).toContain('Truy lĩnh');
    expect(html).toMatch(/data-testid="arrears-total">250\.000 đ</);
  });
});
