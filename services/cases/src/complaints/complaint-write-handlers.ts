/**
 * Answer (trả lời), close and reroute a complaint: each one transaction with the complaint
 * locked, its expected version checked, and a step recorded.
 */
import { status } from '@grpc/grpc-js';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { DomainError, InvalidArgumentError, type CallContext } from '@posa/platform';
import type {
  AnswerComplaintRequest,
  AnswerComplaintResponse,
  CloseComplaintRequest,
  CloseComplaintResponse,
  RerouteComplaintRequest,
  RerouteComplaintResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { validateText } from '../domain/case-input';
import { checkUuid } from '../online/online-staff-handlers';
import { assertHandler } from './complaint-access';
import { complaintToProto } from './complaint-mapping';
import {
  assertCanAnswer,
  assertCanClose,
  assertCanReroute,
  type ComplaintRow,
} from './complaint-record';
import {
  appendComplaintStep,
  loadComplaint,
  updateComplaint,
  type ComplaintStep,
} from './complaint-store';

/** ABORTED: another change came first (optimistic concurrency). */
export class ComplaintVersionError extends DomainError {
  constructor(id: string, actual: number, expected: number) {
    super(status.ABORTED, `complaint ${id} is at version ${actual}, not ${expected}: reload it`);
  }
}

type Step = 'answer' | 'close' | 'reroute';

interface Change {
  next: Omit<ComplaintRow, 'version' | 'updatedAt'>;
  step: Pick<ComplaintStep, 'step' | 'fromUnitCode' | 'toUnitCode' | 'note'>;
}

export function complaintWriteHandlers(deps: CasesDeps) {
  const { pool, units, today } = deps;

  async function change(
    ctx: CallContext,
    rawId: string,
    expectedVersion: number,
    step: Step,
    plan: (row: ComplaintRow, at: string) => Change,
  ): Promise<ComplaintRow> {
    const principal = principalOf(ctx);
    const id = checkUuid(rawId, 'complaint_id');
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      throw new InvalidArgumentError('expected_version', 'is required');
    }
    return withTransaction(pool, async (client) => {
      const row = assertHandler(principal, await loadComplaint(client, id, true), id, step);
      if (row.version !== expectedVersion)
        throw new ComplaintVersionError(id, row.version, expectedVersion);
      const at = new Date(Math.max(Date.now(), Date.parse(row.updatedAt) + 1)).toISOString();
      const { next, step: done } = plan(row, at);
      const saved: ComplaintRow = { ...next, version: row.version + 1, updatedAt: at };
      await updateComplaint(client, saved);
      await appendComplaintStep(client, {
        complaintId: id,
        actorId: principal.userId,
        actorUnitCode: principal.unitCode,
        at,
        ...done,
      });
      return saved;
    });
  }

  async function answerComplaint(
    request: AnswerComplaintRequest,
    ctx: CallContext,
  ): Promise<AnswerComplaintResponse> {
    const answer = validateText(request.answer, 'answer', 4000, true);
    const saved = await change(
      ctx,
      request.complaintId,
      request.expectedVersion,
      'answer',
      (row, at) => {
        assertCanAnswer(row);
        return {
          next: { ...row, status: 'answered', answer, answeredAt: at },
          step: { step: 'answered', fromUnitCode: null, toUnitCode: null, note: null },
        };
      },
    );
    return { complaint: complaintToProto(saved, today()) };
  }

  async function closeComplaint(
    request: CloseComplaintRequest,
    ctx: CallContext,
  ): Promise<CloseComplaintResponse> {
    const note = validateText(request.note, 'note', 1000, false);
    const saved = await change(
      ctx,
      request.complaintId,
      request.expectedVersion,
      'close',
      (row, at) => {
        assertCanClose(row);
        return {
          next: { ...row, status: 'closed', closedAt: at },
          step: {
            step: 'closed',
            fromUnitCode: null,
            toUnitCode: null,
            note: note === '' ? null : note,
          },
        };
      },
    );
    return { complaint: complaintToProto(saved, today()) };
  }

  async function rerouteComplaint(
    request: RerouteComplaintRequest,
    ctx: CallContext,
  ): Promise<RerouteComplaintResponse> {
    const to = request.managingUnitCode.trim();
    const province = units.provinceOfCommune(to);
    if (province === undefined) {
      throw new InvalidArgumentError(
        'managing_unit_code',
        'is not a commune of the 2025 structure',
      );
    }
    const reason = validateText(request.reason, 'reason', 1000, true);
    const saved = await change(
      ctx,
      request.complaintId,
      request.expectedVersion,
      'reroute',
      (row) => {
        assertCanReroute(row, to);
        return {
          next: { ...row, managingUnitCode: to, provinceCode: province },
          step: {
            step: 'rerouted',
            fromUnitCode: row.managingUnitCode,
            toUnitCode: to,
            note: reason,
          },
        };
      },
    );
    return { complaint: complaintToProto(saved, today()) };
  }

  return { answerComplaint, closeComplaint, rerouteComplaint };
}
