import { accountProblem } from './payment-account';

describe('accountProblem', () => {
  it('accepts cash and post office without an account', () => {
    expect(accountProblem('cash_at_commune', '', '', false)).toBeNull();
    expect(accountProblem('post_office', '', '', false)).toBeNull();
  });

  it('needs a listed bank and a 6–19 digit account for a bank transfer', () => {
    expect(accountProblem('bank_transfer', 'VBSP', '1234567890', true)).toBeNull();
    expect(accountProblem('bank_transfer', '', '1234567890', false)).toMatch(/bank code missing/);
    expect(accountProblem('bank_transfer', 'ZZZ', '1234567890', false)).toMatch(
      /not in the bank list/,
    );
    expect(accountProblem('bank_transfer', 'VBSP', '12345', true)).toMatch(/account number/);
    expect(accountProblem('pigeon', '', '', true)).toMatch(/unknown payment channel/);
  });
});
