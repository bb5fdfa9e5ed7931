/**
 * HouseholdService: the household registry with its change history. Authorisation is in
 * household-access.ts; every write goes through household-commit.ts (one transaction).
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import {
  type CallContext,
  InvalidArgumentError,
  service,
  type ServiceRegistration,
  sourceAddressOf,
  timeOrderedId,
} from '@posa/platform';
import {
  HouseholdServiceService,
  type AddMemberRequest,
  type AddMemberResponse,
  type CreateHouseholdRequest,
  type CreateHouseholdResponse,
  type MarkMemberDeceasedRequest,
  type MarkMemberDeceasedResponse,
  type UpdateHouseholdRequest,
  type UpdateHouseholdResponse,
  type UpdateMemberRequest,
  type UpdateMemberResponse,
} from '@posa/proto';
import {
  validateDay,
  validateMember,
  validateNewMembers,
  validateReason,
  validateText,
} from '../domain/household-input';
import type { ChangeActor } from '../store/household-writes';
import type { Units } from '@posa/units';
import { assertWriteCommune } from './household-access';
import { commitChange, commitCreate } from './household-commit';
import { checkMembersFormType, householdFormCOf } from './form-c-mapping';
import { areaOf, rawMemberOf, snapshotToProto } from './household-mapping';
import { householdMoveHandlers } from './household-moves-handlers';
import { householdReadHandlers } from './household-read-handlers';
import { changedMember } from '../domain/member-change';
import { memberOrFail } from './member-lookup';

export interface HouseholdServiceDeps {
  pool: pg.Pool;
  units: Units;
  /** Today in Vietnam, YYYY-MM-DD (dates of birth and death may not be after it). */
  today: () => string;
}

function actorOf(ctx: CallContext, reason: string): ChangeActor {
  const principal = principalOf(ctx);
  return {
    actorId: principal.userId,
    actorUnitCode: principal.unitCode,
    sourceAddress: sourceAddressOf(ctx),
    reason: validateReason(reason),
  };
}

function villageOf(raw: string): string | null {
  const code = validateText(raw, 'village_code', 50, false);
  return code === '' ? null : code;
}

export function householdService(deps: HouseholdServiceDeps): ServiceRegistration {
  const { pool, units, today } = deps;
  return service(HouseholdServiceService, {
    ...householdReadHandlers(pool, units),
    ...householdMoveHandlers({ pool, units }),

    async createHousehold(
      request: CreateHouseholdRequest,
      ctx: CallContext,
    ): Promise<CreateHouseholdResponse> {
      const principal = principalOf(ctx);
      const provinceCode = units.provinceOfCommune(request.communeCode);
      if (provinceCode === undefined) {
        throw new InvalidArgumentError('commune_code', 'is not a commune of the 2025 structure');
      }
      assertWriteCommune(principal, request.communeCode);
      const input = {
        communeCode: request.communeCode,
        provinceCode,
        villageCode: villageOf(request.villageCode),
        streetAddress: validateText(request.streetAddress, 'street_address', 300, true),
        area: areaOf(request.area, 'area'),
        members: validateNewMembers(request.members.map(rawMemberOf), today()),
        formC: householdFormCOf(request.formC, 'form_c'),
      };
      checkMembersFormType(input.formC, input.members, 'form_c');
      const created = await commitCreate(pool, input, actorOf(ctx, request.reason));
      return { household: snapshotToProto(created) };
    },

    async updateHousehold(
      request: UpdateHouseholdRequest,
      ctx: CallContext,
    ): Promise<UpdateHouseholdResponse> {
      const actor = actorOf(ctx, request.reason);
      const fields = {
        villageCode: villageOf(request.villageCode),
        streetAddress: validateText(request.streetAddress, 'street_address', 300, true),
        area: areaOf(request.area, 'area'),
        ...(request.formC === undefined
          ? {}
          : { formC: householdFormCOf(request.formC, 'form_c') }),
      };
      const next = await commitChange(
        pool,
        principalOf(ctx),
        actor,
        request.id,
        request.expectedVersion,
        (current) => ({
          kind: 'household_updated',
          household: { ...current.household, ...fields },
        }),
      );
      return { household: snapshotToProto(next) };
    },

    async addMember(request: AddMemberRequest, ctx: CallContext): Promise<AddMemberResponse> {
      const actor = actorOf(ctx, request.reason);
      const fields = validateMember(rawMemberOf(request.member), 'member', today());
      if (fields.relation === 'head') {
        throw new InvalidArgumentError('member.relation', 'the household already has a head');
      }
      const id = timeOrderedId();
      const next = await commitChange(
        pool,
        principalOf(ctx),
        actor,
        request.householdId,
        request.expectedVersion,
        (current) => {
          const clash = current.members.find(
            (m) => m.citizenId !== null && m.citizenId === fields.citizenId,
          );
          if (clash !== undefined) {
            throw new InvalidArgumentError(
              'member.citizen_id',
              'is already held by a member of the household',
            );
          }
          return {
            kind: 'member_added',
            household: current.household,
            member: { before: null, after: { ...fields, id, deceasedOn: null } },
          };
        },
      );
      return { household: snapshotToProto(next), memberId: id };
    },

    async updateMember(
      request: UpdateMemberRequest,
      ctx: CallContext,
    ): Promise<UpdateMemberResponse> {
      const actor = actorOf(ctx, request.reason);
      const fields = validateMember(rawMemberOf(request.member), 'member', today());
      const next = await commitChange(
        pool,
        principalOf(ctx),
        actor,
        request.householdId,
        request.expectedVersion,
        (current) => {
          const before = memberOrFail(current, request.memberId);
          if ((before.relation === 'head') !== (fields.relation === 'head')) {
            throw new InvalidArgumentError(
              'member.relation',
              'the head can be neither given nor taken away here',
            );
          }
          return {
            kind: 'member_updated',
            household: current.household,
            member: { before, after: changedMember(before, fields) },
          };
        },
      );
      return { household: snapshotToProto(next) };
    },

    async markMemberDeceased(
      request: MarkMemberDeceasedRequest,
      ctx: CallContext,
    ): Promise<MarkMemberDeceasedResponse> {
      const actor = actorOf(ctx, request.reason);
      const deceasedOn = validateDay(request.deceasedOn, 'deceased_on', today());
      const next = await commitChange(
        pool,
        principalOf(ctx),
        actor,
        request.householdId,
        request.expectedVersion,
        (current) => {
          const before = memberOrFail(current, request.memberId);
          if (before.deceasedOn !== null) {
            throw new InvalidArgumentError(
              'member_id',
              'the member is already recorded as deceased',
            );
          }
          if (deceasedOn.slice(0, 4) < String(before.dateOfBirth.year)) {
            throw new InvalidArgumentError('deceased_on', 'is before the date of birth');
          }
          return {
            kind: 'member_deceased',
            household: current.household,
            member: { before, after: { ...before, deceasedOn } },
          };
        },
      );
      return { household: snapshotToProto(next) };
    },
  });
}
