/**
 * RecordPaymentResult: one line's result entered at the console by an officer of the
 * payroll's commune, on a closed payroll. Recording the same result again changes nothing.
 */
import type { Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  isoFromParts,
  NotFoundError,
} from '@posa/platform';
import type { RecordPaymentResultRequest, RecordPaymentResultResponse } from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { payrollIdOf } from '../files/payment-file-handlers';
import { assertCommuneOfficer, readsUnit } from './result-access';
import { recordResultEvent } from './result-events';
import { correctionProblem, outcomeOf, resultProblems, type Outcome } from './result-rules';
import {
  findPayrollOfLine,
  isUnchanged,
  laterPayrolls,
  lineForUpdate,
  lockPayrollResults,
  writeResult,
  type ResultPayroll,
  type ResultWrite,
} from './result-store';

/** Outcome, reason and date of the request, validated (INVALID_ARGUMENT names the field). */
export function resultOfRequest(
  request: RecordPaymentResultRequest,
  today: string,
): { outcome: Outcome; reason: string; paidOn: string | undefined } {
  const outcome = outcomeOf(request.outcome);
  if (outcome === undefined) {
    throw new InvalidArgumentError('outcome', 'must be paid, unpaid or returned');
  }
  const date = request.paidOn;
  let paidOn: string | undefined;
  if (date !== undefined && (date.year !== 0 || date.month !== 0 || date.day !== 0)) {
    const iso = isoFromParts(date);
    if (iso === null) throw new InvalidArgumentError('paid_on', 'is not a calendar date');
    paidOn = iso;
  }
  const reason = request.reason.normalize('NFC').trim();
  const problem = resultProblems({ outcome, reason, paidOn }, today)[0];
  if (problem !== undefined) throw new InvalidArgumentError(problem.field, problem.reason);
  return { outcome, reason, paidOn };
}

/** A closed payroll whose results the caller may record. */
export function assertRecordable(principal: Principal, payroll: ResultPayroll): void {
  assertCommuneOfficer(principal, payroll.communeCode);
  if (payroll.status !== 'closed') {
    throw new FailedPreconditionError(
      `payroll ${payroll.id} is ${payroll.status}: results are recorded once it is closed`,
    );
  }
}

export async function recordPaymentResult(
  deps: PaymentsDeps,
  principal: Principal,
  request: RecordPaymentResultRequest,
  sourceAddress: string,
): Promise<RecordPaymentResultResponse> {
  const lineId = payrollIdOf(request.lineId, 'line_id');
  const result = resultOfRequest(request, deps.today());
  const payroll = await findPayrollOfLine(deps.pool, lineId);
  if (payroll === undefined || !readsUnit(principal, payroll.communeCode, deps.units)) {
    throw new NotFoundError(`payroll line ${lineId} not found`);
  }
  assertRecordable(principal, payroll);
  await withTransaction(deps.pool, async (client) => {
    await lockPayrollResults(client, payroll.id);
    const line = await lineForUpdate(client, lineId);
    if (line === undefined) throw new NotFoundError(`payroll line ${lineId} not found`);
    const write: ResultWrite = {
      line,
      ...result,
      amountVnd: line.totalVnd,
      source: 'console',
      importId: undefined,
    };
    if (isUnchanged(write)) return;
    const refused = correctionProblem(
      line.outcome,
      result.outcome,
      await laterPayrolls(client, payroll.communeCode, payroll.month),
    );
    if (refused !== undefined) throw new FailedPreconditionError(`line ${lineId}: ${refused}`);
    const at = new Date();
    await writeResult(client, write, {
      userId: principal.userId,
      unitCode: principal.unitCode,
      at,
    });
    await recordResultEvent(client, payroll, [write], 'console', {
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      sourceAddress,
      at,
    });
  });
  return { lineId, outcome: result.outcome };
}
