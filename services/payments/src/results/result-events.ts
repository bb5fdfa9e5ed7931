/**
 * PaymentResultRecorded (topic posa.payments.events.v1, key = the payroll id): counts and
 * amounts per outcome of the results written by one console entry or one imported file. Ids,
 * unit codes and amounts only.
 */
import type pg from 'pg';
import { appendToOutbox } from '@posa/db';
import { eventType, serviceSource, serviceTopic } from '@posa/events';
import { PaymentResultRecorded } from '@posa/proto';
import type { Outcome } from './result-rules';
import type { ResultPayroll } from './result-store';

export const RESULT_RECORDED_TYPE = eventType('payments', 'result-recorded');

export interface RecordedStamp {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
  at: Date;
}

/** Appends the event of the written results; nothing when none was written. */
export async function recordResultEvent(
  client: pg.PoolClient,
  payroll: ResultPayroll,
  written: readonly { outcome: Outcome; amountVnd: number }[],
  source: 'console' | 'import',
  stamp: RecordedStamp,
): Promise<void> {
  if (written.length === 0) return;
  const lines = (o: Outcome) => written.filter((w) => w.outcome === o).length;
  const sum = (o: Outcome) =>
    String(written.filter((w) => w.outcome === o).reduce((s, w) => s + w.amountVnd, 0));
  const payload = PaymentResultRecorded.encode({
    payrollId: payroll.id,
    communeCode: payroll.communeCode,
    provinceCode: payroll.provinceCode,
    month: { year: Number(payroll.month.slice(0, 4)), month: Number(payroll.month.slice(5, 7)) },
    paidLines: lines('paid'),
    paidVnd: sum('paid'),
    unpaidLines: lines('unpaid'),
    unpaidVnd: sum('unpaid'),
    returnedLines: lines('returned'),
    returnedVnd: sum('returned'),
    source,
    stamp: { ...stamp, reason: '' },
  }).finish();
  await appendToOutbox(client, [
    {
      topic: serviceTopic('payments'),
      aggregateType: 'payroll',
      aggregateId: payroll.id,
      type: RESULT_RECORDED_TYPE,
      source: serviceSource('payments'),
      payload,
    },
  ]);
}
