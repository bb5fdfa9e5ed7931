import { CaseKind, PaymentChannel } from '@posa/proto';
import { EdgeError } from '../http/errors';
import {
  applicationFromFields,
  complaintFromFields,
  formFieldOf,
  staffComplaintFromFields,
  trackingFromFields,
  type Fields,
} from './citizen-input';

const form: Fields = {
  kind: 'monthly_allowance',
  full_name: ' Lê Thị Mai ',
  date_of_birth: '1940-03-08',
  sex: 'female',
  citizen_id: '001140012345',
  phone: '0912 345 678',
  email: '',
  commune_code: '00004',
  street_address: 'Số 3 ngõ 5',
  filed_by: 'other',
  filed_by_name: 'Lê Văn An',
  filed_by_relation: 'con trai',
  circumstances: 'Sống một mình, không có lương hưu.',
  suggested_category_code: 'nd20-5c',
  payment_channel: 'bank_transfer',
  bank_code: 'VBA',
  account_number: '1234567890',
};

function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return err instanceof EdgeError ? err.field : 'not an EdgeError';
  }
  return undefined;
}

describe('applicationFromFields', () => {
  it('reads a complete form into the request', () => {
    const request = applicationFromFields(form);
    expect(request.kind).toBe(CaseKind.CASE_KIND_MONTHLY_ALLOWANCE);
    expect(request.applicant).toEqual({
      fullName: 'Lê Thị Mai',
      dateOfBirth: { year: 1940, month: 3, day: 8 },
      sex: 'female',
      citizenId: '001140012345',
      phone: '0912 345 678',
      email: '',
      communeCode: '00004',
      streetAddress: 'Số 3 ngõ 5',
    });
    expect(request.filedByName).toBe('Lê Văn An');
    expect(request.payment).toEqual({
      channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
      bankCode: 'VBA',
      accountNumber: '1234567890',
    });
  });

  it('drops who files and the account when the person files and is paid in cash', () => {
    const request = applicationFromFields({
      ...form,
      filed_by: 'self',
      payment_channel: 'cash_at_commune',
      account_number: 'ignored',
    });
    expect(request.filedByName).toBe('');
    expect(request.filedByRelation).toBe('');
    expect(request.payment).toEqual({
      channel: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE,
      bankCode: '',
      accountNumber: '',
    });
  });

  it.each([
    ['kind', { kind: 'pension' }],
    ['citizen_id', { citizen_id: '12345' }],
    ['date_of_birth', { date_of_birth: '1940-02-30' }],
    ['commune_code', { commune_code: '001' }],
    ['full_name', { full_name: '  ' }],
    ['filed_by_name', { filed_by_name: '' }],
    ['account_number', { account_number: '12ab' }],
    ['circumstances', { circumstances: 'x'.repeat(4001) }],
    ['email', { email: 'not-an-address' }],
    ['suggested_category_code', { suggested_category_code: 'DROP TABLE' }],
  ])('names %s when it is wrong', (field, change) => {
    expect(fieldOf(() => applicationFromFields({ ...form, ...change }))).toBe(field);
  });
});

describe('trackingFromFields and complaintFromFields', () => {
  it('reads the tracking code in upper case and checks the citizen ID', () => {
    expect(
      trackingFromFields({ tracking_code: ' dvc-abc123 ', citizen_id: '001140012345' }),
    ).toEqual({ trackingCode: 'DVC-ABC123', citizenId: '001140012345' });
    expect(fieldOf(() => trackingFromFields({ tracking_code: 'a b', citizen_id: '1' }))).toBe(
      'tracking_code',
    );
    expect(fieldOf(() => trackingFromFields({ tracking_code: 'ABCD', citizen_id: '1' }))).toBe(
      'citizen_id',
    );
  });

  it('reads a complaint and names the missing commune', () => {
    const complaint = {
      subject_kind: 'online_application',
      managing_unit_code: '00004',
      complainant_name: 'Lê Văn An',
      complainant_citizen_id: '001080012345',
      content: 'Hồ sơ chưa được trả lời.',
    };
    expect(complaintFromFields(complaint)).toMatchObject({
      subjectKind: 'online_application',
      managingUnitCode: '00004',
      complainantPhone: '',
    });
    expect(fieldOf(() => complaintFromFields({ ...complaint, managing_unit_code: '' }))).toBe(
      'managing_unit_code',
    );
  });

  it('maps the service field names onto the form', () => {
    expect(formFieldOf('applicant.citizen_id')).toBe('citizen_id');
    expect(formFieldOf('attachments[2].content')).toBe('attachments');
    expect(formFieldOf('payment.account_number')).toBe('account_number');
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});

describe('staffComplaintFromFields', () => {
  const base = {
    subject_kind: 'case',
    complainant_name: 'Phạm Văn Bình',
    content: 'Sai ngày sinh.',
  };

  it('lets the unit and the caller ID be left out', () => {
    expect(staffComplaintFromFields(base)).toEqual({
      subjectKind: 'case',
      subjectId: '',
      managingUnitCode: '',
      complainantName: 'Phạm Văn Bình',
      complainantCitizenId: '',
      complainantPhone: '',
      content: 'Sai ngày sinh.',
    });
  });

  it('names a malformed subject id, unit or citizen ID', () => {
    expect(fieldOf(() => staffComplaintFromFields({ ...base, subject_id: '42' }))).toBe(
      'subject_id',
    );
    expect(fieldOf(() => staffComplaintFromFields({ ...base, managing_unit_code: '1' }))).toBe(
      'managing_unit_code',
    );
    expect(fieldOf(() => staffComplaintFromFields({ ...base, complainant_citizen_id: '9' }))).toBe(
      'complainant_citizen_id',
    );
  });
});
