import { CaseKind, DisabilityLevel, PaymentChannel } from '@posa/proto';
import { formSource, jsonSource } from './case-source';
import {
  approveRequestOf,
  changeEligibilityRequestOf,
  completenessRequestOf,
  submitRequestOf,
  terminateRequestOf,
} from './case-requests';

const CASE = '6b1f3c2e-9a4d-4e8f-8c1a-2d3e4f5a6b7c';
const HOUSEHOLD = '11111111-2222-4333-8444-555555555555';
const MEMBER = '66666666-7777-4888-8999-aaaaaaaaaaaa';

function refusedField(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as { field?: string }).field ?? 'no field';
  }
}

describe('case requests from a form and from JSON', () => {
  it('builds the same application from the posted form and from the API body', () => {
    const form = formSource({
      kind: 'monthly_allowance',
      household_id: HOUSEHOLD,
      member_id: MEMBER,
      'eligibility.category_codes': ['nd20-5c', 'nd20-6'],
      'eligibility.disability_level': 'severe',
      'eligibility.care_support_type_code': '',
      'payment.channel': 'bank_transfer',
      'payment.bank_code': 'VBA',
      'payment.account_number': '0123456789',
      application_date: '2026-01-15',
      documents: 'Tờ khai\r\nBản sao CCCD\n',
      request_id: 'r-1',
    });
    const json = jsonSource({
      kind: 'monthly_allowance',
      householdId: HOUSEHOLD,
      memberId: MEMBER,
      eligibility: { categoryCodes: ['nd20-5c', 'nd20-6'], disabilityLevel: 'severe' },
      payment: { channel: 'bank_transfer', bankCode: 'VBA', accountNumber: '0123456789' },
      applicationDate: '2026-01-15',
      documents: ['Tờ khai', 'Bản sao CCCD'],
      requestId: 'r-1',
    });
    const expected = {
      kind: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
      householdId: HOUSEHOLD,
      memberId: MEMBER,
      eligibility: {
        categoryCodes: ['nd20-5c', 'nd20-6'],
        disabilityLevel: DisabilityLevel.DISABILITY_LEVEL_SEVERE,
        careSupportTypeCode: '',
      },
      payment: {
        channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
        bankCode: 'VBA',
        accountNumber: '0123456789',
      },
      applicationDate: { year: 2026, month: 1, day: 15 },
      documents: ['Tờ khai', 'Bản sao CCCD'],
      requestId: 'r-1',
    };
    expect(submitRequestOf(form)).toEqual(expected);
    expect(submitRequestOf(json)).toEqual(expected);
  });

  it('names the same field from either source', () => {
    expect(
      refusedField(() =>
        submitRequestOf(
          jsonSource({
            kind: 'monthly_allowance',
            householdId: 'x',
            applicationDate: '2026-01-15',
          }),
        ),
      ),
    ).toBe('household_id');
    expect(
      refusedField(() =>
        jsonSource({ eligibility: { categoryCodes: 'a' } }).list('eligibility.category_codes'),
      ),
    ).toBe('eligibility.category_codes');
    expect(
      refusedField(() => jsonSource({ decision: { number: 5 } }).text('decision.number')),
    ).toBeUndefined();
    expect(
      refusedField(() => jsonSource({ decision: { number: {} } }).text('decision.number')),
    ).toBe('decision.number');
    expect(refusedField(() => jsonSource([]))).toBe('body');
  });

  it('returns an incomplete application only with its missing items', () => {
    const json = (body: unknown) => completenessRequestOf(jsonSource(body), CASE);
    expect(
      json({ expectedVersion: 2, complete: false, missingItems: ['Giấy xác nhận khuyết tật'] }),
    ).toEqual({
      caseId: CASE,
      expectedVersion: 2,
      complete: false,
      missingItems: ['Giấy xác nhận khuyết tật'],
      note: '',
    });
    expect(refusedField(() => json({ expectedVersion: 2, complete: false }))).toBe('missing_items');
    expect(refusedField(() => json({ expectedVersion: 2 }))).toBe('complete');
    expect(refusedField(() => json({ complete: true }))).toBe('expected_version');
    const form = completenessRequestOf(
      formSource({ expected_version: '2', complete: 'true', missing_items: 'x' }),
      CASE,
    );
    expect(form.missingItems).toEqual([]);
  });

  it('reads a flat approval decision and a nested variation decision', () => {
    expect(
      approveRequestOf(
        formSource({
          expected_version: '5',
          decision_number: '7/QĐ-UBND',
          signed_on: '2026-03-02',
          signer: 'Chủ tịch UBND xã',
          effective_month: '',
        }),
        CASE,
      ),
    ).toEqual({
      caseId: CASE,
      expectedVersion: 5,
      decisionNumber: '7/QĐ-UBND',
      signedOn: { year: 2026, month: 3, day: 2 },
      signer: 'Chủ tịch UBND xã',
      effectiveMonth: undefined,
    });
    expect(
      refusedField(() =>
        approveRequestOf(formSource({ expected_version: '5', signed_on: '2026-03-02' }), CASE),
      ),
    ).toBe('decision_number');
    const change = changeEligibilityRequestOf(
      jsonSource({
        expectedVersion: 6,
        eligibility: { categoryCodes: ['nd20-5c'] },
        decision: {
          number: '9/QĐ',
          signedOn: '2026-04-01',
          effectiveMonth: '2026-02',
          reason: 'Đủ 80 tuổi',
        },
      }),
      CASE,
    );
    expect(change.decision).toEqual({
      number: '9/QĐ',
      signedOn: { year: 2026, month: 4, day: 1 },
      signer: '',
      effectiveMonth: { year: 2026, month: 2 },
      reason: 'Đủ 80 tuổi',
    });
    expect(
      refusedField(() =>
        terminateRequestOf(
          jsonSource({
            expectedVersion: 6,
            ground: 'bored',
            decision: { number: '1', signedOn: '2026-04-01' },
          }),
          CASE,
        ),
      ),
    ).toBe('ground');
  });
});
