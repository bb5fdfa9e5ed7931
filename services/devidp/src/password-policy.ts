/**
 * The realm's password policy for a new password chosen at sign-in (the same rule identity
 * applies to initial passwords): 10 to 128 characters, a digit, an upper- and a lower-case
 * letter, not containing the username; the confirmation must match. Every failure is
 * returned so the page can name each one.
 */
export type PasswordFailure =
  | 'newLength'
  | 'newDigit'
  | 'newUpper'
  | 'newLower'
  | 'newUsername'
  | 'confirmMismatch'
  | 'newReused';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export function checkNewPassword(
  password: string,
  confirmation: string,
  username: string,
): PasswordFailure[] {
  const failures: PasswordFailure[] = [];
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    failures.push('newLength');
  }
  if (!/[0-9]/.test(password)) failures.push('newDigit');
  if (!/[A-Z]/.test(password)) failures.push('newUpper');
  if (!/[a-z]/.test(password)) failures.push('newLower');
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) {
    failures.push('newUsername');
  }
  if (password !== confirmation) failures.push('confirmMismatch');
  return failures;
}
