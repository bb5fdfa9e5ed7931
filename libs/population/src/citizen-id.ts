/**
 * Structure checks of the 12-digit citizen ID (số định danh cá nhân, DOMAIN-FACTS (f)):
 * digits 1-3 the province where the birth was registered (the 63 pre-2025 province codes,
 * never re-coded by the 2025 reform), digit 4 century and sex, digits 5-6 the birth year.
 * Country codes of births registered abroad are not listed yet: such IDs are refused.
 */
import type { Sex } from './population-registry';

/** The 63 province codes in use before 1 Jul 2025, as the first three digits. */
export const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    '01',
    '02',
    '04',
    '06',
    '08',
    '10',
    '11',
    '12',
    '14',
    '15',
    '17',
    '19',
    '20',
    '22',
    '24',
    '25',
    '26',
    '27',
    '30',
    '31',
    '33',
    '34',
    '35',
    '36',
    '37',
    '38',
    '40',
    '42',
    '44',
    '45',
    '46',
    '48',
    '49',
    '51',
    '52',
    '54',
    '56',
    '58',
    '60',
    '62',
    '64',
    '66',
    '67',
    '68',
    '70',
    '72',
    '74',
    '75',
    '77',
    '79',
    '80',
    '82',
    '83',
    '84',
    '86',
    '87',
    '89',
    '91',
    '92',
    '93',
    '94',
    '95',
    '96',
  ].map((code) => `0${code}`),
);

/** Digit 4: first year of the century and the digit for each sex. */
export const CENTURY_SEX_DIGITS: ReadonlyArray<{
  century: number;
  male: string;
  female: string;
}> = [
  { century: 1900, male: '0', female: '1' },
  { century: 2000, male: '2', female: '3' },
  { century: 2100, male: '4', female: '5' },
  { century: 2200, male: '6', female: '7' },
  { century: 2300, male: '8', female: '9' },
];

/** The century-and-sex digit for a birth year and sex, or undefined outside the table. */
export function centurySexDigit(birthYear: number, sex: Sex): string | undefined {
  const century = Math.floor(birthYear / 100) * 100;
  const row = CENTURY_SEX_DIGITS.find((r) => r.century === century);
  return row === undefined ? undefined : row[sex];
}

/** Why the ID does not fit the person, or undefined when it does. */
export function citizenIdProblem(id: string, birthYear: number, sex: Sex): string | undefined {
  if (!/^[0-9]{12}$/.test(id)) return 'must be exactly 12 digits';
  if (!BIRTH_PROVINCE_CODES.has(id.slice(0, 3))) {
    return `digits 1-3 (${id.slice(0, 3)}) are not a province code`;
  }
  const expected = centurySexDigit(birthYear, sex);
  if (expected === undefined) return `no century digit for birth year ${birthYear}`;
  if (id[3] !== expected) {
    return `digit 4 must be ${expected} for a ${sex} born in ${birthYear}`;
  }
  const yy = String(birthYear % 100).padStart(2, '0');
  if (id.slice(4, 6) !== yy) return `digits 5-6 must be ${yy}, the birth year`;
  return undefined;
}
