/** Mapping between the AcceptanceSamplingService messages and the stored samples. */
import { SampleStatus, type Sample, type SampleItem, type SampleResult } from '@posa/proto';
import { checkRate } from '../domain/sampling-result';
import type { SampleItemRecord, SampleRecord } from '../store/sampling-store';

const STATUS: Record<SampleRecord['status'], SampleStatus> = {
  open: SampleStatus.SAMPLE_STATUS_OPEN,
  accepted: SampleStatus.SAMPLE_STATUS_ACCEPTED,
  rejected: SampleStatus.SAMPLE_STATUS_REJECTED,
};

export function itemToProto(i: SampleItemRecord): SampleItem {
  return {
    position: i.position,
    householdId: i.householdId,
    householdCode: i.householdCode,
    checked: i.checkedAt !== null,
    identityFieldsChecked: i.identityChecked ?? 0,
    identityFieldErrors: i.identityErrors ?? 0,
    otherFieldsChecked: i.otherChecked ?? 0,
    otherFieldErrors: i.otherErrors ?? 0,
    note: i.note ?? '',
    checks: (i.checks ?? []).map((c) => ({
      field: c.field,
      memberId: c.memberId ?? '',
      error: c.error,
    })),
    checkedAt: i.checkedAt ?? undefined,
  };
}

function resultOf(s: SampleRecord): SampleResult | undefined {
  if (s.status === 'open' || s.decidedAt === null) return undefined;
  const identity = checkRate('identity', {
    checked: s.identityChecked ?? 0,
    errors: s.identityErrors ?? 0,
  });
  const other = checkRate('other', { checked: s.otherChecked ?? 0, errors: s.otherErrors ?? 0 });
  return {
    identity,
    other,
    accepted: s.status === 'accepted',
    reasons: s.reasons ?? [],
    decidedAt: s.decidedAt,
    decidedBy: s.decidedBy ?? '',
  };
}

export function sampleToProto(s: SampleRecord, items: SampleItemRecord[] = []): Sample {
  return {
    id: s.id,
    communeCode: s.communeCode,
    provinceCode: s.provinceCode,
    purpose: s.purpose,
    seed: s.seed,
    populationSize: s.populationSize,
    populationDigest: s.populationDigest,
    sampleSize: s.sampleSize,
    status: STATUS[s.status],
    drawnAt: s.drawnAt,
    drawnBy: s.drawnBy,
    items: items.map(itemToProto),
    result: resultOf(s),
  };
}
