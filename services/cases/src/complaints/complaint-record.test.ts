import fc from 'fast-check';
import { DomainError } from '@posa/platform';
import {
  assertCanAnswer,
  assertCanClose,
  assertCanReroute,
  complaintOverdue,
  type ComplaintRow,
  type ComplaintStatus,
} from './complaint-record';

const row = (status: ComplaintStatus): ComplaintRow => ({
  id: '3c0a9b8e-1111-4222-8333-444455556666',
  trackingCode: 'AB12CD34EF',
  source: 'citizen',
  subjectKind: 'other',
  subjectId: null,
  managingUnitCode: '00004',
  provinceCode: '01',
  complainantName: 'Lê Văn An',
  complainantCitizenId: '001080000123',
  complainantPhone: null,
  content: 'sai ngày sinh',
  status,
  answer: status === 'open' ? null : 'đã sửa',
  receivedAt: '2026-03-02T01:00:00.000Z',
  receivedOn: '2026-03-02',
  dueOn: '2026-03-16',
  answeredAt: null,
  closedAt: null,
  sourceDigest: '0'.repeat(64),
  filedBy: 'edge',
  version: 1,
  updatedAt: '2026-03-02T01:00:00.000Z',
});

const allowed = (fn: () => void): boolean => {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
};

describe('complaint steps', () => {
  it('answer only open, close only answered, reroute only open to another commune', () => {
    const statuses: ComplaintStatus[] = ['open', 'answered', 'closed'];
    expect(statuses.filter((s) => allowed(() => assertCanAnswer(row(s))))).toEqual(['open']);
    expect(statuses.filter((s) => allowed(() => assertCanClose(row(s))))).toEqual(['answered']);
    expect(statuses.filter((s) => allowed(() => assertCanReroute(row(s), '00007')))).toEqual([
      'open',
    ]);
    expect(allowed(() => assertCanReroute(row('open'), '00004'))).toBe(false);
  });

  it('is overdue exactly when open and today is after the due date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ComplaintStatus>('open', 'answered', 'closed'),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        (status, day) => {
          const today = day.toISOString().slice(0, 10);
          expect(complaintOverdue(row(status), today)).toBe(
            status === 'open' && today > '2026-03-16',
          );
        },
      ),
    );
    expect(complaintOverdue(row('open'), '2026-03-16')).toBe(false);
    expect(complaintOverdue(row('open'), '2026-03-17')).toBe(true);
  });
});
