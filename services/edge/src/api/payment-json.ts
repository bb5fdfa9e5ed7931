/**
 * JSON shapes of payments (chi trả) in the API and the pages, and the conversions from the proto
 * messages. Money is an integer number of VND sent as decimal text ("1250000", "-300000"), as the
 * proto carries int64, so no client rounds it; months are "YYYY-MM"; instants ISO 8601.
 */
import type {
  ChannelTotals,
  PaymentFile,
  Payroll,
  PayrollException,
  PayrollLine,
  PayrollTotals,
} from '@posa/proto';
import { payrollStatusName, type PayrollStatusName } from '../forms/payment-input';
import { monthText } from './case-json';

/** An int64 amount of the proto as canonical decimal text; refuses anything not a safe integer. */
export function vndText(value: string | undefined): string {
  const text = value === undefined || value === '' ? '0' : value;
  if (!/^-?[0-9]{1,16}$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new Error('the service answered an amount out of range');
  return String(Number(text));
}

export const orNull = (s: string): string | null => (s === '' ? null : s);
export const instant = (d: Date | undefined): string | null =>
  d === undefined ? null : d.toISOString();

export interface PayrollTotalsJson {
  lines: number;
  currentVnd: string;
  arrearsVnd: string;
  recoveryVnd: string;
  carriedOverVnd: string;
  totalVnd: string;
}

export interface PayrollExceptionJson {
  caseId: string;
  caseCode: string;
  kind: string;
  amountVnd: string;
  detail: string;
}

export interface PayrollJson {
  id: string;
  communeCode: string;
  provinceCode: string;
  month: string | null;
  status: PayrollStatusName | null;
  totals: PayrollTotalsJson;
  channels: { channel: string; totals: PayrollTotalsJson }[];
  exceptions: PayrollExceptionJson[];
  generation: number;
  generatedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  version: number;
}

export function totalsJson(t: PayrollTotals | undefined): PayrollTotalsJson {
  return {
    lines: t?.lines ?? 0,
    currentVnd: vndText(t?.currentVnd),
    arrearsVnd: vndText(t?.arrearsVnd),
    recoveryVnd: vndText(t?.recoveryVnd),
    carriedOverVnd: vndText(t?.carriedOverVnd),
    totalVnd: vndText(t?.totalVnd),
  };
}

const exceptionJson = (e: PayrollException): PayrollExceptionJson => ({
  caseId: e.caseId,
  caseCode: e.caseCode,
  kind: e.kind,
  amountVnd: vndText(e.amountVnd),
  detail: e.detail,
});

const channelJson = (c: ChannelTotals) => ({ channel: c.channel, totals: totalsJson(c.totals) });

export function payrollJson(p: Payroll): PayrollJson {
  return {
    id: p.payrollId,
    communeCode: p.communeCode,
    provinceCode: p.provinceCode,
    month: monthText(p.month),
    status: payrollStatusName(p.status),
    totals: totalsJson(p.totals),
    channels: p.channels.map(channelJson),
    exceptions: p.exceptions.map(exceptionJson),
    generation: p.generation,
    generatedAt: instant(p.generatedAt),
    approvedBy: orNull(p.approvedBy),
    approvedAt: instant(p.approvedAt),
    closedBy: orNull(p.closedBy),
    closedAt: instant(p.closedAt),
    version: p.version,
  };
}

/** The payroll of a write's answer (the service always sends it). */
export function answeredPayroll(p: Payroll | undefined): PayrollJson {
  if (p === undefined) throw new Error('the service answered without the payroll');
  return payrollJson(p);
}

export interface PayrollLineJson {
  id: string;
  caseId: string;
  caseCode: string;
  fullName: string;
  /** Masked by the service to the last 4 digits. */
  citizenId: string | null;
  channel: string;
  bankCode: string | null;
  accountNumber: string | null;
  items: { forMonth: string | null; kind: string; amountVnd: string }[];
  totalVnd: string;
  outcome: string;
  outcomeReason: string | null;
}

export function payrollLineJson(l: PayrollLine): PayrollLineJson {
  return {
    id: l.lineId,
    caseId: l.caseId,
    caseCode: l.caseCode,
    fullName: l.fullName,
    citizenId: orNull(l.citizenId),
    channel: l.channel,
    bankCode: orNull(l.bankCode),
    accountNumber: orNull(l.accountNumber),
    items: l.items.map((i) => ({
      forMonth: monthText(i.forMonth),
      kind: i.kind,
      amountVnd: vndText(i.amountVnd),
    })),
    totalVnd: vndText(l.totalVnd),
    outcome: l.outcome === '' ? 'pending' : l.outcome,
    outcomeReason: orNull(l.outcomeReason),
  };
}

export interface PaymentFileJson {
  fileName: string;
  channel: string | null;
  format: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  lines: number;
  totalVnd: string;
}

export function paymentFileJson(f: PaymentFile): PaymentFileJson {
  const size = Number(f.sizeBytes);
  return {
    fileName: f.fileName,
    channel: orNull(f.channel),
    format: f.format,
    mediaType: f.mediaType,
    sizeBytes: Number.isSafeInteger(size) ? size : 0,
    sha256: f.sha256,
    lines: f.lines,
    totalVnd: vndText(f.totalVnd),
  };
}
