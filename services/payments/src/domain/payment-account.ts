/**
 * Whether a payee can be paid through the recorded channel. A bank transfer (chuyển khoản)
 * needs a bank code of the bank reference list (table bank_code) and an account number of 6–19
 * digits (the shape the cases service accepts); otherwise the case is an `invalid_account`
 * exception.
 */
export const PAYMENT_CHANNELS = ['cash_at_commune', 'post_office', 'bank_transfer'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** The pattern, written once for the set-based SQL of payroll generation too. */
export const ACCOUNT_NUMBER_PATTERN = '^[0-9]{6,19}$';

const ACCOUNT_NUMBER = new RegExp(ACCOUNT_NUMBER_PATTERN);

export function isPaymentChannel(text: string): text is PaymentChannel {
  return (PAYMENT_CHANNELS as readonly string[]).includes(text);
}

/** Null when the payee can be paid; otherwise why not (no personal data in the text). */
export function accountProblem(
  channel: string,
  bankCode: string,
  accountNumber: string,
  bankKnown: boolean,
): string | null {
  if (!isPaymentChannel(channel)) return `unknown payment channel ${channel}`;
  if (channel !== 'bank_transfer') return null;
  if (bankCode === '') return 'bank code missing';
  if (!bankKnown) return 'bank code not in the bank list';
  if (!ACCOUNT_NUMBER.test(accountNumber)) return 'account number missing or not 6–19 digits';
  return null;
}
