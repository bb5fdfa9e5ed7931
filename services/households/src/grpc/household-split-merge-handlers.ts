/**
 * SplitHousehold (tách hộ) and MergeHouseholds (nhập hộ). Officers of the households'
 * commune only; rules in domain/household-moves.ts, the transaction in
 * household-moves-commit.ts.
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { type CallContext, InvalidArgumentError, timeOrderedId } from '@posa/platform';
import type {
  MergeHouseholdsRequest,
  MergeHouseholdsResponse,
  SplitHouseholdRequest,
  SplitHouseholdResponse,
} from '@posa/proto';
import { validateText } from '../domain/household-input';
import {
  assertNoCitizenIdClash,
  moveEntries,
  remainderOf,
  validateMemberRelations,
} from '../domain/household-moves';
import type { HouseholdRecord } from '../domain/household-state';
import { householdChangedEvent, householdCreatedEvent } from '../events/household-events';
import { householdsMergedEvent } from '../events/household-move-events';
import { actorOf, commitMove, relationRows, type RowWrite } from './household-moves-commit';
import { areaOf, snapshotToProto } from './household-mapping';

export function splitMergeHandlers(pool: pg.Pool) {
  return {
    async splitHousehold(
      request: SplitHouseholdRequest,
      ctx: CallContext,
    ): Promise<SplitHouseholdResponse> {
      const actor = actorOf(ctx, request.reason);
      const villageCode = validateText(request.villageCode, 'village_code', 50, false);
      const streetAddress = validateText(request.streetAddress, 'street_address', 300, true);
      const area = areaOf(request.area, 'area');
      const touched = [
        {
          id: request.householdId,
          idField: 'household_id',
          expectedVersion: request.expectedVersion,
          versionField: 'expected_version',
        },
      ];
      const [kept, created] = await commitMove(
        pool,
        principalOf(ctx),
        actor,
        touched,
        async ({ current, at, issueCode }) => {
          const a = current[0]!;
          const leaving = validateMemberRelations(a, request.members, 'members', 1);
          const rest = remainderOf(a, new Set(leaving.map((l) => l.member.id)), {
            newHeadId: request.remainingHeadMemberId.trim(),
            newHeadField: 'remaining_head_member_id',
            allowRename: true,
            formerHeadRelation: request.formerHeadRelation,
            formerHeadRelationField: 'former_head_relation',
          });
          if (rest.dissolved) {
            throw new InvalidArgumentError(
              'members',
              'no living member would stay: nothing to split',
            );
          }
          const moves = leaving.map((l) => moveEntries(l.member, l.relation));
          const id = timeOrderedId();
          const fresh: HouseholdRecord = {
            ...a.household,
            id,
            code: await issueCode(a.household.communeCode),
            villageCode: villageCode === '' ? null : villageCode,
            streetAddress,
            area,
            headMemberId: leaving.find((l) => l.relation === 'head')!.member.id,
            status: 'active',
            splitFrom: a.household.id,
            createdAt: at,
          };
          delete fresh.mergedInto;
          return {
            sides: [
              {
                before: a.household,
                after: { ...a.household, headMemberId: rest.headMemberId },
                changes: [...rest.changes, ...moves.map((m) => m.out)],
              },
              { before: null, after: fresh, changes: moves.map((m) => m.in) },
            ],
            rows: [
              ...relationRows(a.household.id, rest.changes),
              ...leaving.map((l): RowWrite => ({
                op: 'move',
                memberId: l.member.id,
                fromId: a.household.id,
                toId: id,
                relation: l.relation,
              })),
            ],
            events: ([fa, fn], stamp) => [
              householdChangedEvent(fa!, 'household_split', null, stamp),
              householdCreatedEvent(fn!, leaving.length, stamp, fa!.id),
            ],
          };
        },
      );
      return { household: snapshotToProto(kept!), newHousehold: snapshotToProto(created!) };
    },

    async mergeHouseholds(
      request: MergeHouseholdsRequest,
      ctx: CallContext,
    ): Promise<MergeHouseholdsResponse> {
      const actor = actorOf(ctx, request.reason);
      const touched = [
        {
          id: request.survivingHouseholdId,
          idField: 'surviving_household_id',
          expectedVersion: request.survivingExpectedVersion,
          versionField: 'surviving_expected_version',
        },
        {
          id: request.absorbedHouseholdId,
          idField: 'absorbed_household_id',
          expectedVersion: request.absorbedExpectedVersion,
          versionField: 'absorbed_expected_version',
        },
      ];
      const [surviving, absorbed] = await commitMove(
        pool,
        principalOf(ctx),
        actor,
        touched,
        ({ current }) => {
          const [a, b] = current as [(typeof current)[0], (typeof current)[0]];
          const joining = validateMemberRelations(b, request.members, 'members', 0);
          const living = b.members.filter((m) => m.deceasedOn === null);
          const missing = living.find((m) => !joining.some((j) => j.member.id === m.id));
          if (missing !== undefined) {
            throw new InvalidArgumentError(
              'members',
              `must name every living member of the absorbed household (missing ${missing.id})`,
            );
          }
          assertNoCitizenIdClash(
            a,
            joining.map((j) => j.member),
            'members',
          );
          const moves = joining.map((j) => moveEntries(j.member, j.relation));
          return {
            sides: [
              { before: a.household, after: a.household, changes: moves.map((m) => m.in) },
              {
                before: b.household,
                after: {
                  ...b.household,
                  headMemberId: null,
                  status: 'dissolved',
                  mergedInto: a.household.id,
                },
                changes: moves.map((m) => m.out),
              },
            ],
            rows: joining.map((j): RowWrite => ({
              op: 'move',
              memberId: j.member.id,
              fromId: b.household.id,
              toId: a.household.id,
              relation: j.relation,
            })),
            events: ([fa, fb], stamp) => [
              householdsMergedEvent(fa!, fb!, stamp),
              householdChangedEvent(fb!, 'households_merged', null, stamp),
            ],
          };
        },
      );
      return {
        survivingHousehold: snapshotToProto(surviving!),
        absorbedHousehold: snapshotToProto(absorbed!),
      };
    },
  };
}
