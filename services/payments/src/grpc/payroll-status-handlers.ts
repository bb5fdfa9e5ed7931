/**
 * Approval (duyệt) and closing (khóa sổ) of a payroll by the commune's approver, each in one
 * transaction with the payroll locked, at the expected version, with PayrollStatusChanged in
 * the outbox. Approval is refused while the payroll is stale: the commune's ledger changed, or
 * a result of an earlier month was recorded or corrected, after it was generated.
 */
import { status as grpcStatus } from '@grpc/grpc-js';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  DomainError,
  FailedPreconditionError,
  InvalidArgumentError,
  sourceAddressOf,
  type CallContext,
} from '@posa/platform';
import type { ApprovePayrollRequest, ApprovePayrollResponse } from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { recordPayrollStatusChanged } from '../events/payroll-events';
import { lockLedgerChanges, settlementDigest } from '../store/payroll-generation-store';
import { loadPayroll, loadPayrollDetail, setPayrollStatus } from '../store/payroll-store';
import { assertCommuneApprover, assertPayrollReadable } from './payroll-access';
import { payrollToProto } from './payroll-mapping';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkPayrollId(id: string): string {
  if (!UUID.test(id)) throw new InvalidArgumentError('payroll_id', 'must be a UUID');
  return id.toLowerCase();
}

class VersionConflictError extends DomainError {
  constructor(id: string, actual: number, expected: number) {
    super(grpcStatus.ABORTED, `payroll ${id} is at version ${actual}, not ${expected}: reload it`);
  }
}

export async function changePayrollStatus(
  deps: PaymentsDeps,
  request: ApprovePayrollRequest,
  ctx: CallContext,
  target: 'approved' | 'closed',
): Promise<ApprovePayrollResponse> {
  const principal = principalOf(ctx);
  const id = checkPayrollId(request.payrollId);
  if (!Number.isInteger(request.expectedVersion) || request.expectedVersion < 1) {
    throw new InvalidArgumentError('expected_version', 'is required');
  }
  return withTransaction(deps.pool, async (client) => {
    const row = assertPayrollReadable(
      principal,
      await loadPayroll(client, id, true),
      id,
      deps.units,
    );
    assertCommuneApprover(principal, row.communeCode);
    if (row.version !== request.expectedVersion) {
      throw new VersionConflictError(id, row.version, request.expectedVersion);
    }
    const from = target === 'approved' ? 'draft' : 'approved';
    if (row.status !== from) {
      throw new FailedPreconditionError(
        `payroll ${id} is ${row.status}: only a ${from} payroll can be ${target}`,
      );
    }
    if (target === 'approved') {
      const changes = await lockLedgerChanges(client, row);
      const digest = await settlementDigest(client, row.communeCode);
      if (changes !== row.ledgerChanges || digest !== row.settlementDigest) {
        throw new FailedPreconditionError(
          `the ledger or results of commune ${row.communeCode} changed after payroll ${id} was generated: regenerate first`,
        );
      }
    }
    await setPayrollStatus(client, id, target, principal.userId);
    const updated = (await loadPayroll(client, id))!;
    await recordPayrollStatusChanged(client, updated, target, {
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      sourceAddress: sourceAddressOf(ctx),
      at: target === 'approved' ? updated.approvedAt! : updated.closedAt!,
    });
    return { payroll: payrollToProto(await loadPayrollDetail(client, updated)) };
  });
}
