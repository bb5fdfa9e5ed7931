import fc from 'fast-check';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-record';
import { citizenView, type CaseView } from './citizen-status';

const accepted = {
  status: 'accepted' as const,
  declineReason: null,
  updatedAt: '2026-03-02T01:00:00Z',
};
const approval = {
  number: '12/QĐ-UBND',
  signedOn: '2026-03-20',
  effectiveMonth: '2026-03',
  reason: null,
};
const rejection = {
  number: '13/QĐ-UBND',
  signedOn: '2026-03-21',
  effectiveMonth: null,
  reason: 'không thuộc diện',
};

const caseIn = (status: CaseStatus, patch: Partial<CaseView> = {}): CaseView => ({
  code: 'TC-00004-2026-000001',
  status,
  missingItems: [],
  updatedAt: '2026-03-05T01:00:00Z',
  approval: null,
  rejection: null,
  ...patch,
});

describe('citizen-facing status of an online application', () => {
  it('is received, then declined with the reason', () => {
    const received = {
      status: 'received' as const,
      declineReason: null,
      updatedAt: '2026-03-01T00:00:00Z',
    };
    expect(citizenView(received, null)).toMatchObject({ status: 'received', caseCode: '' });
    expect(
      citizenView(
        { status: 'declined', declineReason: 'trùng hồ sơ', updatedAt: received.updatedAt },
        null,
      ),
    ).toMatchObject({ status: 'declined', reason: 'trùng hồ sơ' });
  });

  it('follows the case: processing, needs documents with the items, approved, rejected', () => {
    for (const s of ['submitted', 'checked', 'appraised', 'verified'] as const) {
      expect(citizenView(accepted, caseIn(s)).status).toBe('processing');
    }
    expect(
      citizenView(accepted, caseIn('returned', { missingItems: ['giấy xác nhận khuyết tật'] })),
    ).toMatchObject({
      status: 'needs_documents',
      missingItems: ['giấy xác nhận khuyết tật'],
    });
    for (const s of ['active', 'suspended', 'terminated', 'transferred'] as const) {
      expect(citizenView(accepted, caseIn(s, { approval }))).toMatchObject({
        status: 'approved',
        decision: approval,
        caseCode: 'TC-00004-2026-000001',
        updatedAt: '2026-03-05T01:00:00Z',
      });
    }
    expect(citizenView(accepted, caseIn('rejected', { rejection }))).toMatchObject({
      status: 'rejected',
      reason: 'không thuộc diện',
      decision: rejection,
    });
  });

  it('maps every case status to one citizen status and never shows missing items outside needs_documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), (status) => {
        const view = citizenView(accepted, caseIn(status, { missingItems: ['x'] }));
        expect(['processing', 'needs_documents', 'approved', 'rejected']).toContain(view.status);
        if (view.status !== 'needs_documents') expect(view.missingItems).toEqual([]);
      }),
    );
  });
});
