/**
 * MoveMember, MoveMemberOut, SplitHousehold and MergeHouseholds (biến động nhân khẩu, chuyển
 * đi, tách hộ, nhập hộ). Officers of the households' commune only; rules in
 * domain/household-moves.ts, the transaction in household-moves-commit.ts.
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { InvalidArgumentError, type CallContext } from '@posa/platform';
import type {
  MoveMemberOutRequest,
  MoveMemberOutResponse,
  MoveMemberRequest,
  MoveMemberResponse,
} from '@posa/proto';
import {
  assertNoCitizenIdClash,
  livingMember,
  moveEntries,
  remainderOf,
  validateJoinRelation,
  type HeadChoice,
} from '../domain/household-moves';
import { householdChangedEvent } from '../events/household-events';
import { memberMovedEvent } from '../events/household-move-events';
import type { Units } from '@posa/units';
import { actorOf, commitMove, relationRows } from './household-moves-commit';
import { snapshotToProto } from './household-mapping';
import { splitMergeHandlers } from './household-split-merge-handlers';

function headChoice(newHeadId: string, field: string): HeadChoice {
  return {
    newHeadId: newHeadId.trim(),
    newHeadField: field,
    allowRename: false,
    formerHeadRelation: '',
    formerHeadRelationField: '',
  };
}

function destinationOf(raw: string, units: Units, communeCode: string): string | null {
  const code = raw.trim();
  if (code === '') return null;
  if (!units.isProvince(code) && units.provinceOfCommune(code) === undefined) {
    throw new InvalidArgumentError(
      'destination_unit_code',
      'is not a province or commune of the 2025 structure',
    );
  }
  if (code === communeCode) {
    throw new InvalidArgumentError(
      'destination_unit_code',
      'is the commune itself: use MoveMember within a commune',
    );
  }
  return code;
}

export function householdMoveHandlers(deps: { pool: pg.Pool; units: Units }) {
  const { pool, units } = deps;
  return {
    ...splitMergeHandlers(pool),

    async moveMember(request: MoveMemberRequest, ctx: CallContext): Promise<MoveMemberResponse> {
      const actor = actorOf(ctx, request.reason);
      const touched = [
        {
          id: request.fromHouseholdId,
          idField: 'from_household_id',
          expectedVersion: request.fromExpectedVersion,
          versionField: 'from_expected_version',
        },
        {
          id: request.toHouseholdId,
          idField: 'to_household_id',
          expectedVersion: request.toExpectedVersion,
          versionField: 'to_expected_version',
        },
      ];
      const relation = validateJoinRelation(request.relation, 'relation', false);
      const [from, to] = await commitMove(pool, principalOf(ctx), actor, touched, ({ current }) => {
        const [a, b] = current as [(typeof current)[0], (typeof current)[0]];
        const member = livingMember(a, request.memberId, 'member_id');
        assertNoCitizenIdClash(b, [member], 'member_id');
        const rest = remainderOf(
          a,
          new Set([member.id]),
          headChoice(request.newHeadMemberId, 'new_head_member_id'),
        );
        const move = moveEntries(member, relation);
        return {
          sides: [
            {
              before: a.household,
              after: {
                ...a.household,
                headMemberId: rest.headMemberId,
                status: rest.dissolved ? 'dissolved' : 'active',
              },
              changes: [...rest.changes, move.out],
            },
            { before: b.household, after: b.household, changes: [move.in] },
          ],
          rows: [
            ...relationRows(a.household.id, rest.changes),
            {
              op: 'move',
              memberId: member.id,
              fromId: a.household.id,
              toId: b.household.id,
              relation,
            },
          ],
          events: ([fa, fb], stamp) => [
            memberMovedEvent(member.id, fa!, fb!, null, stamp),
            householdChangedEvent(fb!, 'member_moved_in', member.id, stamp),
          ],
        };
      });
      return { fromHousehold: snapshotToProto(from!), toHousehold: snapshotToProto(to!) };
    },

    async moveMemberOut(
      request: MoveMemberOutRequest,
      ctx: CallContext,
    ): Promise<MoveMemberOutResponse> {
      const actor = actorOf(ctx, request.reason);
      const touched = [
        {
          id: request.householdId,
          idField: 'household_id',
          expectedVersion: request.expectedVersion,
          versionField: 'expected_version',
        },
      ];
      const [after] = await commitMove(pool, principalOf(ctx), actor, touched, ({ current }) => {
        const a = current[0]!;
        const destination = destinationOf(
          request.destinationUnitCode,
          units,
          a.household.communeCode,
        );
        const member = livingMember(a, request.memberId, 'member_id');
        const rest = remainderOf(
          a,
          new Set([member.id]),
          headChoice(request.newHeadMemberId, 'new_head_member_id'),
        );
        return {
          sides: [
            {
              before: a.household,
              after: {
                ...a.household,
                headMemberId: rest.headMemberId,
                status: rest.dissolved ? 'dissolved' : 'active',
              },
              changes: [...rest.changes, moveEntries(member, member.relation).out],
            },
          ],
          rows: [
            ...relationRows(a.household.id, rest.changes),
            {
              op: 'out',
              memberId: member.id,
              fromId: a.household.id,
              destinationUnitCode: destination,
            },
          ],
          events: ([fa], stamp) => [memberMovedEvent(member.id, fa!, null, destination, stamp)],
        };
      });
      return { household: snapshotToProto(after!) };
    },
  };
}
