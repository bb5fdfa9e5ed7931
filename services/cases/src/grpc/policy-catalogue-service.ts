/**
 * PolicyCatalogueService: reads of the policy catalogue and procedure rules, and the recording
 * of new versions from a future date. Handlers decode, authorise and call the commit functions.
 */
import type pg from 'pg';
import { principalOf, type Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { partsFromIso, service, type CallContext, type ServiceRegistration } from '@posa/platform';
import {
  PolicyCatalogueServiceService,
  type GetCatalogueRequest,
  type GetCatalogueResponse,
  type ListProcedureRulesResponse,
  type RecordBaseLevelRequest,
  type RecordBaseLevelResponse,
  type RecordCareSupportTypeRequest,
  type RecordCareSupportTypeResponse,
  type RecordCategoryRequest,
  type RecordCategoryResponse,
  type RecordCoefficientRuleRequest,
  type RecordCoefficientRuleResponse,
  type RecordEmergencyAssistanceTypeRequest,
  type RecordEmergencyAssistanceTypeResponse,
} from '@posa/proto';
import { catalogueOn } from '../domain/policy-catalogue';
import { loadCatalogue, loadProcedureRules } from '../store/policy-store';
import {
  assertMayEditNational,
  assertMayRead,
  assertMayRecordBaseLevel,
} from './policy-catalogue-access';
import { recordBaseLevel, recordCoefficientRule, type Actor } from './policy-catalogue-commit';
import {
  recordCareSupportType,
  recordCategory,
  recordEmergencyType,
} from './policy-catalogue-coded-commit';
import {
  ageFromProto,
  amountFromProto,
  baseLevelToProto,
  careSupportTypeToProto,
  categoryToProto,
  codeFromProto,
  coefficientFromProto,
  coefficientRuleToProto,
  dateFromProto,
  disabilityFromProto,
  editFromProto,
  emergencyTypeToProto,
  groupFromProto,
  procedureRuleToProto,
  provinceFromProto,
  requiredText,
} from './policy-catalogue-mapping';

export interface PolicyCatalogueDeps {
  pool: pg.Pool;
  /** Today's date in Vietnam, YYYY-MM-DD: the default as_of and the limit of edits. */
  today: () => string;
}

export function policyCatalogueService(deps: PolicyCatalogueDeps): ServiceRegistration {
  const { pool } = deps;
  const actorOf = (p: Principal): Actor => ({
    actorId: p.userId,
    actorUnitCode: p.unitCode,
    at: new Date(),
    today: deps.today(),
  });

  return service(PolicyCatalogueServiceService, {
    async getCatalogue(
      request: GetCatalogueRequest,
      ctx: CallContext,
    ): Promise<GetCatalogueResponse> {
      assertMayRead(principalOf(ctx));
      const asOf = dateFromProto(request.asOf, 'as_of', deps.today);
      const all = await withTransaction(pool, (client) => loadCatalogue(client), {
        isolation: 'repeatable read',
        readOnly: true,
      });
      const shown = request.includeHistory ? all : catalogueOn(all, asOf);
      return {
        asOf: partsFromIso(asOf),
        baseLevels: shown.baseLevels.map(baseLevelToProto),
        categories: shown.categories.map(categoryToProto),
        coefficientRules: shown.coefficientRules.map(coefficientRuleToProto),
        careSupportTypes: shown.careSupportTypes.map(careSupportTypeToProto),
        emergencyAssistanceTypes: shown.emergencyTypes.map(emergencyTypeToProto),
      };
    },

    async listProcedureRules(
      _request: unknown,
      ctx: CallContext,
    ): Promise<ListProcedureRulesResponse> {
      assertMayRead(principalOf(ctx));
      return { rules: (await loadProcedureRules(pool)).map(procedureRuleToProto) };
    },

    async recordBaseLevel(
      request: RecordBaseLevelRequest,
      ctx: CallContext,
    ): Promise<RecordBaseLevelResponse> {
      const principal = principalOf(ctx);
      const provinceCode = provinceFromProto(request.provinceCode, 'province_code');
      assertMayRecordBaseLevel(principal, provinceCode);
      const amountVnd = amountFromProto(request.amountVnd, 'amount_vnd');
      const edit = editFromProto(request);
      const done = await recordBaseLevel(pool, actorOf(principal), {
        provinceCode,
        amountVnd,
        edit,
      });
      return {
        baseLevel: baseLevelToProto(done.created),
        closed: done.closed[0] === undefined ? undefined : baseLevelToProto(done.closed[0]),
      };
    },

    async recordCoefficientRule(
      request: RecordCoefficientRuleRequest,
      ctx: CallContext,
    ): Promise<RecordCoefficientRuleResponse> {
      const principal = principalOf(ctx);
      assertMayEditNational(principal);
      const input = {
        categoryCode: codeFromProto(request.categoryCode, 'category_code'),
        minAgeMonths: ageFromProto(request.minAgeMonths, 'min_age_months'),
        maxAgeMonths: ageFromProto(request.maxAgeMonths, 'max_age_months'),
        disabilityLevel: disabilityFromProto(request.disabilityLevel, 'disability_level'),
        coefficientHundredths: coefficientFromProto(
          request.coefficientHundredths,
          'coefficient_hundredths',
        ),
        edit: editFromProto(request),
      };
      const done = await recordCoefficientRule(pool, actorOf(principal), input);
      return {
        rule: coefficientRuleToProto(done.created),
        closed: done.closed.map(coefficientRuleToProto),
      };
    },

    async recordCategory(
      request: RecordCategoryRequest,
      ctx: CallContext,
    ): Promise<RecordCategoryResponse> {
      const principal = principalOf(ctx);
      assertMayEditNational(principal);
      const input = {
        code: codeFromProto(request.code, 'code'),
        group: groupFromProto(request.group, 'group'),
        decree: requiredText(request.decree, 'decree', 100),
        nameVi: requiredText(request.nameVi, 'name_vi', 500),
        replacesCode:
          request.replacesCode === '' ? null : codeFromProto(request.replacesCode, 'replaces_code'),
        edit: editFromProto(request),
      };
      const done = await recordCategory(pool, actorOf(principal), input);
      return {
        category: categoryToProto(done.created),
        closed: done.closed[0] === undefined ? undefined : categoryToProto(done.closed[0]),
      };
    },

    async recordCareSupportType(
      request: RecordCareSupportTypeRequest,
      ctx: CallContext,
    ): Promise<RecordCareSupportTypeResponse> {
      const principal = principalOf(ctx);
      assertMayEditNational(principal);
      const input = {
        code: codeFromProto(request.code, 'code'),
        nameVi: requiredText(request.nameVi, 'name_vi', 500),
        coefficientHundredths: coefficientFromProto(
          request.coefficientHundredths,
          'coefficient_hundredths',
        ),
        edit: editFromProto(request),
      };
      const done = await recordCareSupportType(pool, actorOf(principal), input);
      return {
        careSupportType: careSupportTypeToProto(done.created),
        closed: done.closed[0] === undefined ? undefined : careSupportTypeToProto(done.closed[0]),
      };
    },

    async recordEmergencyAssistanceType(
      request: RecordEmergencyAssistanceTypeRequest,
      ctx: CallContext,
    ): Promise<RecordEmergencyAssistanceTypeResponse> {
      const principal = principalOf(ctx);
      assertMayEditNational(principal);
      const input = {
        code: codeFromProto(request.code, 'code'),
        nameVi: requiredText(request.nameVi, 'name_vi', 500),
        descriptionVi: requiredText(request.descriptionVi, 'description_vi', 2000),
        edit: editFromProto(request),
      };
      const done = await recordEmergencyType(pool, actorOf(principal), input);
      return {
        emergencyAssistanceType: emergencyTypeToProto(done.created),
        closed: done.closed[0] === undefined ? undefined : emergencyTypeToProto(done.closed[0]),
      };
    },
  });
}
