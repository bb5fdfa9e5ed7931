/** Query parameters of the case pages and API. */
import { badRequest } from '../http/errors';

/**
 * The unit of a case list: VN, a province (2 digits), a 2024 district (3 digits, which appraised
 * and decided under Decree 20/2021) or a commune (5 digits); empty: the caller's unit.
 */
export function unitCodeOrDistrict(text: string | undefined, field = 'unit_code'): string {
  const value = (text ?? '').trim();
  if (value !== '' && !/^(VN|[0-9]{2}|[0-9]{3}|[0-9]{5})$/.test(value))
    throw badRequest(field, 'must be VN, a province (2 digits), a district (3) or a commune (5)');
  return value;
}
