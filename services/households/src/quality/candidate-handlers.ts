/** CheckMemberCandidates and ListDuplicateCandidates: thin, rules in candidate-rules.ts. */
import type pg from 'pg';
import { isInJurisdiction, principalOf } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError, type CallContext } from '@posa/platform';
import type {
  CheckMemberCandidatesRequest,
  CheckMemberCandidatesResponse,
  DuplicatePair,
  ListDuplicateCandidatesRequest,
  ListDuplicateCandidatesResponse,
} from '@posa/proto';
import type { BirthDate } from '../domain/household-state';
import { validateBirthDate } from '../domain/household-input';
import { nameSearchKey } from '@posa/platform';
import type { Units } from '@posa/units';
import { assertReadRole } from '../grpc/household-access';
import { rulesMatched, type CandidateSubject } from './candidate-rules';
import { findCheckCandidates, findPersons, isUuid, listCandidatePairs } from './candidate-store';
import { viewOf } from './candidate-view';
import { ruleToProto, viewToProto } from './quality-mapping';
import { pageSizeOf, unitScopeOf } from '../grpc/list-request';

const MAX_CHECK_RESULTS = 50;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const PAIR_KEY = /^[0-9a-f]{32}$/;

function subjectOf(request: CheckMemberCandidatesRequest, today: string): CandidateSubject {
  const citizenId = request.citizenId.trim();
  if (citizenId !== '' && !/^[0-9]{12}$/.test(citizenId)) {
    throw new InvalidArgumentError('citizen_id', 'must be 12 digits or empty');
  }
  const nameSearch = nameSearchKey(request.fullName);
  if (citizenId === '' && nameSearch === '') {
    throw new InvalidArgumentError('full_name', 'is required when citizen_id is empty');
  }
  let dateOfBirth: BirthDate = { year: 0, month: null, day: null };
  if (nameSearch !== '')
    dateOfBirth = validateBirthDate(request.dateOfBirth, 'date_of_birth', today);
  return {
    citizenId: citizenId === '' ? null : citizenId,
    nameSearch,
    dateOfBirth,
    communeCode: request.communeCode,
  };
}

export function candidateHandlers(pool: pg.Pool, units: Units, today: () => string) {
  return {
    async checkMemberCandidates(
      request: CheckMemberCandidatesRequest,
      ctx: CallContext,
    ): Promise<CheckMemberCandidatesResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      if (units.provinceOfCommune(request.communeCode) === undefined) {
        throw new InvalidArgumentError('commune_code', 'is not a commune of the 2025 structure');
      }
      if (!isInJurisdiction(principal, request.communeCode, units.tree)) {
        throw new PermissionDeniedError(
          `commune ${request.communeCode} is outside your jurisdiction`,
        );
      }
      const exclude = request.excludeMemberId;
      if (exclude !== '' && !isUuid(exclude)) {
        throw new InvalidArgumentError('exclude_member_id', 'is not a member id');
      }
      const subject = subjectOf(request, today());
      const found = await findCheckCandidates(pool, {
        ...subject,
        excludeMemberId: exclude === '' ? null : exclude,
        limit: MAX_CHECK_RESULTS,
      });
      const candidates = found
        .map((p) => ({ rules: rulesMatched(subject, p), view: viewOf(principal, p, units.tree) }))
        .filter((c) => c.rules.length > 0)
        .sort((a, b) => Number(b.view.visible) - Number(a.view.visible));
      return {
        candidates: candidates.map((c) => ({
          rules: c.rules.map(ruleToProto),
          record: viewToProto(c.view),
        })),
      };
    },

    async listDuplicateCandidates(
      request: ListDuplicateCandidatesRequest,
      ctx: CallContext,
    ): Promise<ListDuplicateCandidatesResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const scope = unitScopeOf(principal, request.unitCode, units);
      const token = request.page?.pageToken ?? '';
      if (token !== '' && !PAIR_KEY.test(token)) {
        throw new InvalidArgumentError('page.page_token', 'is not a token of this list');
      }
      const pageSize = pageSizeOf(request.page?.pageSize ?? 0, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      const rows = await listCandidatePairs(pool, {
        ...scope,
        afterKey: token === '' ? undefined : token,
        limit: pageSize + 1,
      });
      const page = rows.slice(0, pageSize);
      const persons = await findPersons(
        pool,
        page.flatMap((r) => [r.lowMemberId, r.highMemberId]),
      );
      const pairs: DuplicatePair[] = [];
      for (const row of page) {
        const low = persons.get(row.lowMemberId);
        const high = persons.get(row.highMemberId);
        if (low === undefined || high === undefined) continue; // changed since the query
        const views = [viewOf(principal, low, units.tree), viewOf(principal, high, units.tree)];
        const [first, second] = views[0]!.visible ? views : [views[1]!, views[0]!];
        pairs.push({
          id: row.key,
          rules: row.rules.map(ruleToProto),
          first: viewToProto(first!),
          second: viewToProto(second!),
          sameCommune: low.communeCode === high.communeCode,
          openMergeId: row.openMergeId ?? '',
        });
      }
      const more = rows.length > pageSize;
      return { pairs, page: { nextPageToken: more ? page[page.length - 1]!.key : '' } };
    },
  };
}
