import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { InvalidArgumentError } from '@posa/platform';
import {
  validateApplicant,
  validateAttachments,
  validateBirth,
  validateFiler,
  validatePhone,
  type RawApplicant,
} from './online-input';

const TODAY = '2026-03-10';
const PDF = Buffer.from('%PDF-1.7\nbody');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const communes = (code: string): string | undefined => (code === '00004' ? '01' : undefined);

const applicant: RawApplicant = {
  fullName: '  Nguyễn   Thị Lan ',
  dateOfBirth: { year: 1948, month: 5, day: 2 },
  sex: 'female',
  citizenId: '001148000123',
  phone: '0912 345 678',
  email: '',
  communeCode: '00004',
  streetAddress: 'Thôn 3',
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('online applicant', () => {
  it('is normalised: name collapsed, phone without spaces, province from the commune', () => {
    expect(validateApplicant(applicant, communes, TODAY)).toEqual({
      fullName: 'Nguyễn Thị Lan',
      birthYear: 1948,
      birthMonth: 5,
      birthDay: 2,
      sex: 'female',
      citizenId: '001148000123',
      phone: '0912345678',
      email: null,
      communeCode: '00004',
      provinceCode: '01',
      streetAddress: 'Thôn 3',
    });
  });

  it('names the field of each problem', () => {
    const bad = (patch: Partial<RawApplicant>) =>
      fieldOf(() => validateApplicant({ ...applicant, ...patch }, communes, TODAY));
    expect(fieldOf(() => validateApplicant(undefined, communes, TODAY))).toBe('applicant');
    expect(bad({ fullName: 'Lan 2' })).toBe('applicant.full_name');
    expect(bad({ sex: 'other' })).toBe('applicant.sex');
    // Digit 4 is 0 (a man born in the 1900s) for a woman.
    expect(bad({ citizenId: '001048000123' })).toBe('applicant.citizen_id');
    expect(bad({ citizenId: '00114800012' })).toBe('applicant.citizen_id');
    expect(bad({ phone: '12345' })).toBe('applicant.phone');
    expect(bad({ email: 'not-an-address' })).toBe('applicant.email');
    expect(bad({ communeCode: '99999' })).toBe('applicant.commune_code');
    expect(bad({ streetAddress: ' ' })).toBe('applicant.street_address');
    expect(bad({ dateOfBirth: { year: 2027, month: 1, day: 1 } })).toBe('applicant.date_of_birth');
  });

  it('accepts exactly the citizen IDs whose digits 4-6 fit the sex and birth year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 2025 }),
        fc.constantFrom<'male' | 'female'>('male', 'female'),
        fc.integer({ min: 0, max: 9 }),
        (year, sex, digit4) => {
          const id = `001${digit4}${String(year % 100).padStart(2, '0')}000123`;
          const ok = (year < 2000 ? (sex === 'male' ? 0 : 1) : sex === 'male' ? 2 : 3) === digit4;
          const raw = { ...applicant, sex, citizenId: id, dateOfBirth: { year, month: 0, day: 0 } };
          if (ok) expect(validateApplicant(raw, communes, TODAY).citizenId).toBe(id);
          else
            expect(fieldOf(() => validateApplicant(raw, communes, TODAY))).toBe(
              'applicant.citizen_id',
            );
        },
      ),
    );
  });
});

describe('birth, phone and filer', () => {
  it('allow a year alone, refuse a day without a month', () => {
    expect(validateBirth({ year: 1950, month: 0, day: 0 }, 'd', TODAY)).toEqual({
      birthYear: 1950,
      birthMonth: null,
      birthDay: null,
    });
    expect(fieldOf(() => validateBirth({ year: 1950, month: 0, day: 3 }, 'd', TODAY))).toBe(
      'd.month',
    );
    expect(fieldOf(() => validateBirth({ year: 1950, month: 2, day: 30 }, 'd', TODAY))).toBe('d');
    expect(fieldOf(() => validateBirth({ year: 1890, month: 1, day: 1 }, 'd', TODAY))).toBe('d');
  });

  it('reads +84 numbers', () => {
    expect(validatePhone('+84 912.345.678', 'p', true)).toBe('+84912345678');
    expect(validatePhone('', 'p', false)).toBe('');
  });

  it('wants the filer name and relation together', () => {
    expect(validateFiler('', '')).toEqual({ filedByName: null, filedByRelation: null });
    expect(validateFiler('Trần Văn Hùng', 'con')).toEqual({
      filedByName: 'Trần Văn Hùng',
      filedByRelation: 'con',
    });
    expect(fieldOf(() => validateFiler('Trần Văn Hùng', ''))).toBe('filed_by_relation');
    expect(fieldOf(() => validateFiler('', 'con'))).toBe('filed_by_name');
  });
});

describe('attachments', () => {
  const file = (mediaType: string, content: Buffer, fileName = 'giay-to.pdf') => ({
    fileName,
    mediaType,
    content,
  });

  it('keep size and SHA-256 of files whose bytes confirm their type', () => {
    const [pdf, png, jpeg] = validateAttachments(
      [file('application/pdf', PDF), file('image/png', PNG), file('IMAGE/JPEG', JPEG)],
      1000,
    );
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length });
    expect(pdf?.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(png?.mediaType).toBe('image/png');
    expect(jpeg?.mediaType).toBe('image/jpeg');
  });

  it('refuse a JPEG declared as PDF, naming the media type of that file', () => {
    const err = (() => {
      try {
        validateAttachments([file('application/pdf', PDF), file('application/pdf', JPEG)], 1000);
      } catch (e) {
        return e as InvalidArgumentError;
      }
      throw new Error('expected a refusal');
    })();
    expect(err.field).toBe('attachments[1].media_type');
  });

  it('refuse none, more than five, other types, empty, too large and path-like names', () => {
    expect(fieldOf(() => validateAttachments([], 1000))).toBe('attachments');
    const six = Array.from({ length: 6 }, () => file('application/pdf', PDF));
    expect(fieldOf(() => validateAttachments(six, 1000))).toBe('attachments');
    expect(fieldOf(() => validateAttachments([file('image/gif', PDF)], 1000))).toBe(
      'attachments[0].media_type',
    );
    expect(
      fieldOf(() => validateAttachments([file('application/pdf', Buffer.alloc(0))], 1000)),
    ).toBe('attachments[0].content');
    expect(fieldOf(() => validateAttachments([file('application/pdf', PDF)], PDF.length - 1))).toBe(
      'attachments[0].content',
    );
    expect(
      fieldOf(() => validateAttachments([file('application/pdf', PDF, '../etc/passwd')], 1000)),
    ).toBe('attachments[0].file_name');
  });
});
