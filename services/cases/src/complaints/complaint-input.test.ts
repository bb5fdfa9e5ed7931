import { InvalidArgumentError } from '@posa/platform';
import { validateComplaint, type RawComplaint } from './complaint-input';

const citizen: RawComplaint = {
  subjectKind: 'household',
  subjectId: '',
  managingUnitCode: '00004',
  complainantName: 'Lê Văn An',
  complainantCitizenId: '001080000123',
  complainantPhone: '0912345678',
  content: 'Ngày sinh của tôi bị ghi sai.',
};

function fieldOf(raw: RawComplaint, source: 'staff' | 'citizen'): string {
  try {
    validateComplaint(raw, source);
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('new complaints', () => {
  it('from citizens need the commune, name and citizen ID, and no record id', () => {
    expect(validateComplaint(citizen, 'citizen')).toMatchObject({
      subjectKind: 'household',
      subjectId: null,
      managingUnitCode: '00004',
      complainantCitizenId: '001080000123',
    });
    expect(fieldOf({ ...citizen, managingUnitCode: '' }, 'citizen')).toBe('managing_unit_code');
    expect(fieldOf({ ...citizen, complainantCitizenId: '' }, 'citizen')).toBe(
      'complainant_citizen_id',
    );
    expect(fieldOf({ ...citizen, complainantCitizenId: '999080000123' }, 'citizen')).toBe(
      'complainant_citizen_id',
    );
    expect(fieldOf({ ...citizen, complainantName: '' }, 'citizen')).toBe('complainant_name');
    expect(
      fieldOf(
        { ...citizen, subjectKind: 'case', subjectId: '3c0a9b8e-1111-4222-8333-444455556666' },
        'citizen',
      ),
    ).toBe('subject_id');
  });

  it('from staff name the case or application, and may leave the unit to the subject', () => {
    const staff = {
      ...citizen,
      subjectKind: 'case',
      managingUnitCode: '',
      complainantCitizenId: '',
    };
    expect(fieldOf(staff, 'staff')).toBe('subject_id');
    const withId = { ...staff, subjectId: '3C0A9B8E-1111-4222-8333-444455556666' };
    expect(validateComplaint(withId, 'staff')).toMatchObject({
      subjectId: '3c0a9b8e-1111-4222-8333-444455556666',
      managingUnitCode: '',
      complainantCitizenId: null,
    });
    expect(fieldOf({ ...staff, subjectKind: 'other' }, 'staff')).toBe('managing_unit_code');
    expect(fieldOf({ ...staff, subjectKind: 'nonsense' }, 'staff')).toBe('subject_kind');
    expect(fieldOf({ ...withId, content: '' }, 'staff')).toBe('content');
  });
});
