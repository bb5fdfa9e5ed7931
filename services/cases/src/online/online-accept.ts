/**
 * AcceptOnlineApplication: a commune officer links the applicant to a member of the household
 * registry and files the case (channel "online") through the same filing code as
 * CaseService.SubmitApplication, in the one transaction that marks the application accepted.
 */
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { FailedPreconditionError, InvalidArgumentError, type CallContext } from '@posa/platform';
import type { AcceptOnlineApplicationRequest, AcceptOnlineApplicationResponse } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { lookUpBeneficiary } from '../grpc/beneficiary-lookup';
import { assertCommuneOfficer } from '../grpc/case-access';
import { actorOf, fullCase } from '../grpc/case-commit';
import { fileCase } from '../grpc/case-filing';
import { disabilityFromProto } from '../grpc/case-mapping';
import { loadAttachments } from './attachment-store';
import { assertDecidingOfficer } from './online-access';
import { applicationToProto } from './online-mapping';
import type { OnlineApplicationRow } from './online-record';
import { appendApplicationStep, loadApplication, recordOutcome } from './online-store';
import { checkUuid } from './online-staff-handlers';

function assertReceived(row: OnlineApplicationRow): void {
  if (row.status !== 'received') {
    throw new FailedPreconditionError(`online application ${row.id} is already ${row.status}`);
  }
}

export function acceptHandler(deps: CasesDeps) {
  const { pool, today } = deps;
  return async function acceptOnlineApplication(
    request: AcceptOnlineApplicationRequest,
    ctx: CallContext,
  ): Promise<AcceptOnlineApplicationResponse> {
    const principal = principalOf(ctx);
    const id = checkUuid(request.applicationId, 'application_id');
    assertReceived(assertDecidingOfficer(principal, await loadApplication(pool, id), id));
    const rawEligibility = {
      categoryCodes: request.eligibility?.categoryCodes ?? [],
      disabilityLevel: disabilityFromProto(
        request.eligibility?.disabilityLevel ?? 0,
        'eligibility.disability_level',
      ),
      careSupportTypeCode: request.eligibility?.careSupportTypeCode ?? '',
    };
    // The registry is read with the officer's own token, so households applies its rules too.
    const person = await lookUpBeneficiary(deps, ctx, request.householdId, request.memberId);
    assertCommuneOfficer(principal, person.communeCode);
    const actor = actorOf(ctx);
    return withTransaction(pool, async (client) => {
      const row = assertDecidingOfficer(principal, await loadApplication(client, id, true), id);
      assertReceived(row);
      if (person.citizenId !== row.applicant.citizenId) {
        throw new InvalidArgumentError(
          'member_id',
          "the member's citizen ID in the registry is not the applicant's",
        );
      }
      const attachments = (await loadAttachments(client, [id])).get(id) ?? [];
      const filed = await fileCase(
        client,
        {
          kind: row.kind,
          person,
          eligibility: rawEligibility,
          payment: {
            paymentChannel: row.paymentChannel,
            bankCode: row.bankCode,
            accountNumber: row.accountNumber,
          },
          applicationDate: row.receivedOn,
          documents: attachments.map((a) => a.fileName),
          requestId: `online:${row.id}`,
          channel: 'online',
        },
        actor,
        today(),
      );
      const at = new Date().toISOString();
      const next = await recordOutcome(
        client,
        id,
        { status: 'accepted', caseId: filed.id },
        actor.actorId,
        at,
      );
      await appendApplicationStep(client, {
        applicationId: id,
        step: 'accepted',
        actorId: actor.actorId,
        actorUnitCode: actor.actorUnitCode,
        at,
        note: filed.code,
      });
      return {
        application: applicationToProto(next, attachments, today(), false),
        case: await fullCase(client, filed, today()),
      };
    });
  };
}
