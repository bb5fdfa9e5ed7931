/**
 * Money in the JSON of cases: the entitlement of a month with its explanation (số tiền, hệ số,
 * mức chuẩn) and the arrears of a variation (truy lĩnh when positive, thu hồi when negative),
 * all integer VND.
 */
import type { ArrearsLine, Case, MonthlyEntitlement } from '@posa/proto';
import { caseJson, monthText, type CaseJson } from './case-json';

/** Money of the proto (int64 as text) as a number of VND; the service keeps it a safe integer. */
export function vnd(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error('the service answered an amount out of range');
  return n;
}

const orNull = (s: string): string | null => (s === '' ? null : s);

export interface EntitlementJson {
  month: string | null;
  amountVnd: number;
  state: string;
  categoryCode: string | null;
  coefficientHundredths: number;
  baseLevelVnd: number;
  baseLevelProvinceCode: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  explanation: string;
}

export function entitlementJson(m: MonthlyEntitlement): EntitlementJson {
  return {
    month: monthText(m.month),
    amountVnd: vnd(m.amountVnd),
    state: m.state,
    categoryCode: orNull(m.categoryCode),
    coefficientHundredths: m.coefficientHundredths,
    baseLevelVnd: vnd(m.baseLevelVnd),
    baseLevelProvinceCode: orNull(m.baseLevelProvinceCode),
    decisionId: orNull(m.decisionId),
    decisionNumber: orNull(m.decisionNumber),
    explanation: m.explanation,
  };
}

export interface ArrearsJson {
  lines: { month: string | null; beforeVnd: number; afterVnd: number; deltaVnd: number }[];
  /** Positive: arrears owed (truy lĩnh); negative: to recover (thu hồi). */
  totalVnd: number;
}

/** The answer of every variation: the case after it and the retroactive difference. */
export function variationJson(res: {
  case?: Case | undefined;
  arrears: ArrearsLine[];
  arrearsTotalVnd: string;
}): { case: CaseJson; arrears: ArrearsJson } {
  if (res.case === undefined) throw new Error('the service answered without the case');
  return {
    case: caseJson(res.case),
    arrears: {
      lines: res.arrears.map((l) => ({
        month: monthText(l.month),
        beforeVnd: vnd(l.beforeVnd),
        afterVnd: vnd(l.afterVnd),
        deltaVnd: vnd(l.deltaVnd),
      })),
      totalVnd: vnd(res.arrearsTotalVnd),
    },
  };
}
