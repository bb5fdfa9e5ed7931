/**
 * Events of payrolls on posa.payments.events.v1 (key: the payroll id), appended to the outbox
 * in the transaction of the change: PayrollGenerated at every (re)generation and
 * PayrollStatusChanged at approval and closing. Ids, unit codes, counts and amounts only.
 */
import { monthToProto } from '@posa/platform';
import type pg from 'pg';
import { appendToOutbox } from '@posa/db';
import { PaymentsEvents, serviceSource, serviceTopic } from '@posa/events';
import { PayrollGenerated, PayrollStatusChanged } from '@posa/proto';
import type { PayrollRow } from '../store/payroll-store';

export const PAYMENTS_TOPIC = serviceTopic('payments');
export const PAYMENTS_SOURCE = serviceSource('payments');

/** Who acted, from where and when. */
export interface EventStamp {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

async function append(client: pg.PoolClient, payrollId: string, type: string, payload: Uint8Array) {
  await appendToOutbox(client, [
    {
      topic: PAYMENTS_TOPIC,
      aggregateType: 'payroll',
      aggregateId: payrollId,
      type,
      source: PAYMENTS_SOURCE,
      payload,
    },
  ]);
}

export async function recordPayrollGenerated(
  client: pg.PoolClient,
  payroll: PayrollRow,
  stamp: EventStamp,
): Promise<void> {
  const t = payroll.totals;
  const payload = PayrollGenerated.encode({
    payrollId: payroll.id,
    communeCode: payroll.communeCode,
    provinceCode: payroll.provinceCode,
    month: monthToProto(payroll.month),
    generation: payroll.generation,
    lines: t.lines,
    totalVnd: String(t.totalVnd),
    arrearsVnd: String(t.arrearsVnd),
    recoveryVnd: String(t.recoveryVnd),
    carriedOverVnd: String(t.carriedOverVnd),
    stamp: { ...stamp, reason: '' },
  }).finish();
  await append(client, payroll.id, PaymentsEvents.payrollGenerated, payload);
}

export async function recordPayrollStatusChanged(
  client: pg.PoolClient,
  payroll: PayrollRow,
  status: 'approved' | 'closed',
  stamp: EventStamp,
): Promise<void> {
  const payload = PayrollStatusChanged.encode({
    payrollId: payroll.id,
    communeCode: payroll.communeCode,
    provinceCode: payroll.provinceCode,
    month: monthToProto(payroll.month),
    status,
    lines: payroll.totals.lines,
    totalVnd: String(payroll.totals.totalVnd),
    stamp: { ...stamp, reason: '' },
  }).finish();
  const type =
    status === 'approved' ? PaymentsEvents.payrollApproved : PaymentsEvents.payrollClosed;
  await append(client, payroll.id, type, payload);
}
