import fc from 'fast-check';
import { PaymentChannel } from '@posa/proto';
import {
  decisionInputOf,
  eligibilityOf,
  linesOf,
  monthRange,
  parseMonth,
  paymentOf,
  versionOf,
} from './case-input';

/** The field a parser refused, or undefined when it accepted. */
function refusedField(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as { field?: string }).field ?? 'no field';
  }
}

describe('case input parsing', () => {
  it('reads every month YYYY-MM and refuses month 00 and 13', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const text = `${y}-${String(m).padStart(2, '0')}`;
        expect(parseMonth(text, 'f')).toEqual({ year: y, month: m });
      }),
    );
    expect(refusedField(() => parseMonth('2025-00', 'proposed_month'))).toBe('proposed_month');
    expect(refusedField(() => parseMonth('2025-13', 'proposed_month'))).toBe('proposed_month');
    expect(refusedField(() => parseMonth('2025-7', 'proposed_month'))).toBe('proposed_month');
  });

  it('bounds a month range to 120 months, never backwards', () => {
    expect(monthRange('2025-07', '')).toEqual({ fromMonth: { year: 2025, month: 7 } });
    expect(monthRange('2025-07', '2035-06').toMonth).toEqual({ year: 2035, month: 6 });
    expect(refusedField(() => monthRange('2025-07', '2035-07'))).toBe('to_month');
    expect(refusedField(() => monthRange('2025-07', '2025-06'))).toBe('to_month');
    expect(refusedField(() => monthRange('', '2025-06'))).toBe('from_month');
  });

  it('needs a bank and a 6–19 digit account for a bank transfer only', () => {
    expect(paymentOf({ channel: 'cash_at_commune', bankCode: 'X', accountNumber: '1' })).toEqual({
      channel: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE,
      bankCode: '',
      accountNumber: '',
    });
    expect(
      paymentOf({ channel: 'bank_transfer', bankCode: 'VBA', accountNumber: '1234 5678 90' }),
    ).toEqual({
      channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
      bankCode: 'VBA',
      accountNumber: '1234567890',
    });
    const bank =
      (accountNumber: string, bankCode = 'VBA') =>
      () =>
        paymentOf({ channel: 'bank_transfer', bankCode, accountNumber });
    expect(refusedField(bank('12345'))).toBe('payment.account_number');
    expect(refusedField(bank('12345678901234567890'))).toBe('payment.account_number');
    expect(refusedField(bank('123456', ''))).toBe('payment.bank_code');
    expect(refusedField(() => paymentOf({ channel: '', bankCode: '', accountNumber: '' }))).toBe(
      'payment.channel',
    );
    expect(
      refusedField(() => paymentOf({ channel: 'cheque', bankCode: '', accountNumber: '' })),
    ).toBe('payment.channel');
  });

  it('keeps each category once and names the field of a bad code or level', () => {
    expect(
      eligibilityOf({
        categoryCodes: ['nd20-5c', ' nd20-5c', 'nd20-6'],
        disabilityLevel: '',
        careSupportTypeCode: '',
      }).categoryCodes,
    ).toEqual(['nd20-5c', 'nd20-6']);
    expect(
      refusedField(() =>
        eligibilityOf({ categoryCodes: ['a b'], disabilityLevel: '', careSupportTypeCode: '' }),
      ),
    ).toBe('eligibility.category_codes');
    expect(
      refusedField(() =>
        eligibilityOf({ categoryCodes: [], disabilityLevel: 'mild', careSupportTypeCode: '' }),
      ),
    ).toBe('eligibility.disability_level');
  });

  it('needs a decision number and a real signing day; the month is optional', () => {
    const d = {
      number: '12/QĐ-UBND',
      signedOn: '2026-02-03',
      signer: 'Chủ tịch',
      effectiveMonth: '',
      reason: '',
    };
    expect(decisionInputOf(d)).toMatchObject({
      number: '12/QĐ-UBND',
      signedOn: { year: 2026, month: 2, day: 3 },
      effectiveMonth: undefined,
    });
    expect(refusedField(() => decisionInputOf({ ...d, number: ' ' }))).toBe('decision.number');
    expect(refusedField(() => decisionInputOf({ ...d, signedOn: '2026-02-30' }))).toBe(
      'decision.signed_on',
    );
    expect(refusedField(() => decisionInputOf({ ...d, effectiveMonth: '2026-2' }))).toBe(
      'decision.effective_month',
    );
  });

  it('reads text-area lines and versions', () => {
    expect(linesOf(' a \n\n b\r\n', 'documents')).toEqual(['a', 'b']);
    expect(versionOf('3')).toBe(3);
    expect(versionOf(4)).toBe(4);
    expect(refusedField(() => versionOf('0'))).toBe('expected_version');
    expect(refusedField(() => versionOf('x'))).toBe('expected_version');
  });
});
