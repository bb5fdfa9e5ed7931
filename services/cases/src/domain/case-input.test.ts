import fc from 'fast-check';
import { InvalidArgumentError } from '@posa/platform';
import {
  assertAmountDefined,
  validateDecisionFields,
  validateEligibility,
  validateItems,
  validatePayment,
} from './case-input';
import type { CaseRow } from './case-record';
import { SEEDED_CATALOGUE } from './policy.fixture';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  return undefined;
};

const none = { disabilityLevel: null, careSupportTypeCode: '' };

describe('eligibility against the catalogue', () => {
  it('accepts categories in force on the date and removes duplicates', () => {
    const e = validateEligibility(
      SEEDED_CATALOGUE,
      'monthly_allowance',
      { ...none, categoryCodes: ['nd20-5c', 'nd20-5c'] },
      '2026-03-02',
      'eligibility',
    );
    expect(e).toEqual({
      categoryCodes: ['nd20-5c'],
      disabilityLevel: null,
      careSupportTypeCode: null,
    });
  });

  it('names the field of each refusal', () => {
    const at = (
      raw: Parameters<typeof validateEligibility>[2],
      kind = 'monthly_allowance' as const,
    ) =>
      fieldOf(() => validateEligibility(SEEDED_CATALOGUE, kind, raw, '2026-03-02', 'eligibility'));
    expect(at({ ...none, categoryCodes: [] })).toBe('eligibility.category_codes');
    expect(at({ ...none, categoryCodes: ['nd136-1'] })).toBe('eligibility.category_codes');
    expect(at({ ...none, categoryCodes: ['nd20-6'] })).toBe('eligibility.disability_level');
    expect(
      at({ ...none, categoryCodes: ['nd20-1'], careSupportTypeCode: 'cs-household-carer' }),
    ).toBe('eligibility.care_support_type_code');
    const care = (raw: Parameters<typeof validateEligibility>[2]) =>
      fieldOf(() => validateEligibility(SEEDED_CATALOGUE, 'care_support', raw, '2026-03-02', 'e'));
    expect(care({ ...none, categoryCodes: [] })).toBe('e.care_support_type_code');
    expect(
      care({ ...none, categoryCodes: ['nd20-1'], careSupportTypeCode: 'cs-household-carer' }),
    ).toBe('e.category_codes');
    expect(
      care({ ...none, categoryCodes: [], careSupportTypeCode: 'cs-household-carer' }),
    ).toBeUndefined();
  });

  it('accepts a disability category with its level', () => {
    const e = validateEligibility(
      SEEDED_CATALOGUE,
      'monthly_allowance',
      { categoryCodes: ['nd20-6'], disabilityLevel: 'severe', careSupportTypeCode: '' },
      '2026-03-02',
      'eligibility',
    );
    expect(e.disabilityLevel).toBe('severe');
  });

  it('refuses an eligibility whose coefficient table does not cover the person', () => {
    const child = {
      birthYear: 2020,
      birthMonth: 5,
      birthDay: 1,
      provinceCode: '01',
      kind: 'monthly_allowance',
    };
    const elderly = {
      categoryCodes: ['nd20-5a'],
      disabilityLevel: null,
      careSupportTypeCode: null,
    };
    expect(
      fieldOf(() =>
        assertAmountDefined(
          SEEDED_CATALOGUE,
          child as unknown as CaseRow,
          elderly,
          '2026-03',
          'eligibility',
        ),
      ),
    ).toBe('eligibility');
  });
});

describe('payment account', () => {
  it('needs a bank code and a 6–19 digit account for bank transfers only', () => {
    expect(validatePayment('bank_transfer', 'vcb', '0123456789', 'payment')).toEqual({
      paymentChannel: 'bank_transfer',
      bankCode: 'VCB',
      accountNumber: '0123456789',
    });
    expect(fieldOf(() => validatePayment('bank_transfer', '', '0123456789', 'payment'))).toBe(
      'payment.bank_code',
    );
    expect(fieldOf(() => validatePayment('cash_at_commune', 'VCB', '', 'payment'))).toBe(
      'payment.bank_code',
    );
  });

  it('accepts exactly the account numbers of 6 to 19 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,25}$/), (account) => {
        const ok = account.length >= 6 && account.length <= 19;
        const field = fieldOf(() => validatePayment('bank_transfer', 'BIDV', account, 'payment'));
        expect(field).toBe(ok ? undefined : 'payment.account_number');
      }),
    );
  });
});

describe('decision fields and item lists', () => {
  it('require number, signer and a signing day between filing and today', () => {
    const ok = { number: '12/QĐ-UBND', signedOn: '2026-03-10', signer: 'Chủ tịch' };
    expect(validateDecisionFields(ok, '2026-03-20', '2026-03-01')).toEqual(ok);
    expect(
      fieldOf(() => validateDecisionFields({ ...ok, number: ' ' }, '2026-03-20', '2026-03-01')),
    ).toBe('decision_number');
    expect(fieldOf(() => validateDecisionFields(ok, '2026-03-09', '2026-03-01'))).toBe('signed_on');
    expect(fieldOf(() => validateDecisionFields(ok, '2026-03-20', '2026-03-11'))).toBe('signed_on');
    expect(
      fieldOf(() => validateDecisionFields({ ...ok, signer: '' }, '2026-03-20', '2026-03-01')),
    ).toBe('signer');
  });

  it('refuses an empty list of missing items and blank items', () => {
    expect(fieldOf(() => validateItems([], 'missing_items', { required: true }))).toBe(
      'missing_items',
    );
    expect(fieldOf(() => validateItems(['a', ' '], 'missing_items', { required: true }))).toBe(
      'missing_items[1]',
    );
  });
});
