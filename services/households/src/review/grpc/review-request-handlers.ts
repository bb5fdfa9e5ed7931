/**
 * ListReviewRequests (read roles, within jurisdiction) and RefuseReviewRequest: the commune
 * chair's written refusal of a pending request (an approver of the request's commune).
 */
import { principalOf } from '@posa/auth';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  isoFromParts,
  NotFoundError,
  PermissionDeniedError,
  type CallContext,
} from '@posa/platform';
import type {
  ListReviewRequestsRequest,
  ListReviewRequestsResponse,
  RefuseReviewRequestRequest,
  RefuseReviewRequestResponse,
} from '@posa/proto';
import { withTransaction } from '@posa/db';
import { decodeCursor, encodeCursor } from '../../domain/page-cursor';
import { assertReadRole } from '../../grpc/household-access';
import { unitScopeOf } from '../../grpc/list-request';
import { assertPageKey, reviewPageSize, yearFilterOf } from './review-page';
import {
  findRequest,
  listRequests,
  refuseRequest,
  type RequestFilter,
} from '../store/request-store';
import type { ReviewDeps } from './review-deps';
import { textOf } from './review-mapping';
import { requestStatusFromProto, requestToProto } from './request-mapping';

export function reviewRequestHandlers(deps: ReviewDeps) {
  const { pool, units, today } = deps;
  return {
    async listReviewRequests(
      request: ListReviewRequestsRequest,
      ctx: CallContext,
    ): Promise<ListReviewRequestsResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const filter: RequestFilter = {
        year: yearFilterOf(request.year),
        status: requestStatusFromProto(request.status),
        ...unitScopeOf(principal, request.unitCode, units),
      };
      const pageSize = reviewPageSize(request.page?.pageSize ?? 0);
      const scope = JSON.stringify(['ListReviewRequests', request.unitCode, filter]);
      const key = decodeCursor(scope, request.page?.pageToken ?? '', 2);
      if (key !== undefined) assertPageKey(key[0]!, key[1]!);
      const rows = await listRequests(
        pool,
        filter,
        pageSize + 1,
        key && { receivedOn: key[0]!, id: key[1]! },
      );
      const page = rows.slice(0, pageSize);
      const last = page[page.length - 1];
      return {
        requests: page.map(requestToProto),
        page: {
          nextPageToken:
            rows.length > pageSize && last ? encodeCursor(scope, [last.receivedOn, last.id]) : '',
        },
      };
    },

    async refuseReviewRequest(
      request: RefuseReviewRequestRequest,
      ctx: CallContext,
    ): Promise<RefuseReviewRequestResponse> {
      const principal = principalOf(ctx);
      if (principal.isService || !principal.roles.has('approver')) {
        throw new PermissionDeniedError('refusing a review request needs the role approver');
      }
      const documentNumber = textOf(request.documentNumber, 'document_number', 50);
      const reason = textOf(request.reason, 'reason', 2000);
      const signer = textOf(request.signer, 'signer', 200);
      const day = today();
      let refusedOn = day;
      if (request.refusedOn !== undefined) {
        const iso = isoFromParts(request.refusedOn);
        if (iso === null) throw new InvalidArgumentError('refused_on', 'must be a full date');
        if (iso > day) throw new InvalidArgumentError('refused_on', `is after today (${day})`);
        refusedOn = iso;
      }
      return withTransaction(pool, async (client) => {
        const found = await findRequest(client, request.requestId, true);
        // a request of another commune does not exist for this approver
        if (found === undefined || found.communeCode !== principal.unitCode) {
          throw new NotFoundError(
            `no review request ${request.requestId} in commune ${principal.unitCode}`,
          );
        }
        if (found.refusal !== null) {
          throw new FailedPreconditionError(
            `request ${found.id} was already refused on ${found.refusal.refusedOn}`,
          );
        }
        if (found.roundId !== null) {
          throw new FailedPreconditionError(
            `request ${found.id} is listed in round ${found.roundId}: the round's decision answers it`,
          );
        }
        if (refusedOn < found.receivedOn) {
          throw new InvalidArgumentError(
            'refused_on',
            `is before the request was received (${found.receivedOn})`,
          );
        }
        const refusal = { documentNumber, refusedOn, reason, signer, refusedBy: principal.userId };
        await refuseRequest(client, found.id, refusal);
        return { request: requestToProto({ ...found, refusal }) };
      });
    },
  };
}
