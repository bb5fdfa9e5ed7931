/** The two procedures of migration 0007, as the store returns them (tests only). */
import type { ReviewProcedure } from './review-procedure';

const common = {
  periodicFrom: { month: 9, day: 1 },
  periodicTo: { month: 12, day: 14 },
  monthlyDecisionDays: 15,
  meetingMinAgreementPercent: 50,
  postingMinWorkingDays: 3,
  postingConfidence: 'M' as const,
};

export const DISTRICT_OPINION_PROCEDURE: ReviewProcedure = {
  ...common,
  code: 'qd-24-2021',
  validFrom: '2021-09-01',
  validTo: '2025-06-30',
  needsDistrictOpinion: true,
  legalBasis: 'Quyết định 24/2021/QĐ-TTg',
  confidence: 'C',
};

export const COMMUNE_ALONE_PROCEDURE: ReviewProcedure = {
  ...common,
  code: 'two-tier-2025',
  validFrom: '2025-07-01',
  validTo: null,
  needsDistrictOpinion: false,
  legalBasis: 'chính quyền địa phương hai cấp',
  confidence: 'M',
};

export const PROCEDURES = [DISTRICT_OPINION_PROCEDURE, COMMUNE_ALONE_PROCEDURE];
