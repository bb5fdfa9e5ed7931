import { CasesEvents, type CloudEvent } from '@posa/events';
import { CaseVaried, EntitlementChanged } from '@posa/proto';
import { decodeLedgerEvent } from './ledger-event';

const ref = {
  caseId: '0b7c1f6e-3f7a-4c55-9d38-5b7d2a1c9e01',
  caseCode: 'TC-31135-2026-000001',
  kind: 'monthly_allowance',
  communeCode: '31135',
  provinceCode: '92',
  memberId: '',
  householdId: '',
  version: 5,
};

function event(type: string, data: Uint8Array): CloudEvent {
  return {
    id: 'e1',
    type,
    source: '/services/cases',
    subject: ref.caseId,
    time: '2026-03-18T00:00:00Z',
    data,
  };
}

const changed = (over: Partial<EntitlementChanged> = {}) =>
  EntitlementChanged.encode({
    case: ref,
    sequence: '2',
    fromMonth: { year: 2026, month: 3 },
    segments: [
      {
        fromMonth: { year: 2026, month: 3 },
        toMonth: { year: 2026, month: 5 },
        amountVnd: '750000',
        coefficientHundredths: 150,
        baseLevelVnd: '500000',
        categoryCode: 'nd20-5a',
        decisionId: 'd1',
      },
    ],
    fullName: 'Trần Thị Lan',
    citizenId: '001150012345',
    paymentChannel: 'bank_transfer',
    bankCode: 'VBSP',
    accountNumber: '1234567890',
    decidedInMonth: { year: 2026, month: 3 },
    stamp: undefined,
    ...over,
  }).finish();

describe('decodeLedgerEvent', () => {
  it('decodes EntitlementChanged with its months and amounts', () => {
    expect(decodeLedgerEvent(event(CasesEvents.entitlementChanged, changed()))).toMatchObject({
      change: 'entitlement',
      caseId: ref.caseId,
      sequence: 2,
      fromMonth: '2026-03',
      decidedInMonth: '2026-03',
      segments: [{ fromMonth: '2026-03', toMonth: '2026-05', amountVnd: 750_000 }],
      paymentChannel: 'bank_transfer',
    });
  });

  it('names the field of a payload it cannot apply', () => {
    const bad = (over: Partial<EntitlementChanged>) => () =>
      decodeLedgerEvent(event(CasesEvents.entitlementChanged, changed(over)));
    expect(bad({ sequence: '0' })).toThrow(/^sequence:/);
    expect(bad({ paymentChannel: 'pigeon' })).toThrow(/^payment_channel:/);
    expect(bad({ fromMonth: { year: 2026, month: 13 } })).toThrow(/from_month/);
    expect(bad({ case: { ...ref, communeCode: 'x' } })).toThrow(/^case.commune_code:/);
  });

  it('follows only terminations because the person died, among the lifecycle events', () => {
    const varied = (variation: string, ground: string) =>
      CaseVaried.encode({
        case: ref,
        decisionId: 'd2',
        variation,
        effectiveMonth: { year: 2026, month: 6 },
        ground,
        otherCommuneCode: '',
        stamp: undefined,
      }).finish();
    expect(
      decodeLedgerEvent(event(CasesEvents.caseTerminated, varied('termination', 'deceased'))),
    ).toEqual({
      change: 'death',
      eventId: 'e1',
      caseId: ref.caseId,
      communeCode: '31135',
      provinceCode: '92',
      effectiveMonth: '2026-06',
    });
    expect(
      decodeLedgerEvent(event(CasesEvents.caseTerminated, varied('termination', 'not_eligible'))),
    ).toBeUndefined();
    expect(decodeLedgerEvent(event(CasesEvents.caseApproved, new Uint8Array()))).toBeUndefined();
  });
});
