/**
 * PovertyStandardService: the standards, the one in force on a date, and classification.
 * Any signed-in caller may call it: reference data and a pure computation.
 */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  PovertyStandardServiceService,
  type ClassifyRequest,
  type ClassifyResponse,
  type GetStandardInForceRequest,
  type GetStandardInForceResponse,
  type ListStandardsResponse,
} from '@posa/proto';
import { classify, ClassifyInputError } from '../domain/classify';
import { ruleOf, standardInForce, type PovertyStandard } from '../domain/standard';
import { loadStandards } from '../store/standard-store';
import {
  areaFromProto,
  classificationToProto,
  dateFromProto,
  moneyFromProto,
  periodToProto,
  ruleToProto,
  standardToProto,
} from './standard-mapping';

export interface PovertyStandardDeps {
  pool: pg.Pool;
  /** Today's date in Vietnam, YYYY-MM-DD (the default as_of). */
  today: () => string;
}

function inForceOn(standards: PovertyStandard[], isoDate: string) {
  const found = standardInForce(standards, isoDate);
  if (found === undefined) {
    throw new InvalidArgumentError('as_of', `no poverty standard is in force on ${isoDate}`);
  }
  return found;
}

export function povertyStandardService(deps: PovertyStandardDeps): ServiceRegistration {
  return service(PovertyStandardServiceService, {
    async listStandards(_request: unknown, ctx: CallContext): Promise<ListStandardsResponse> {
      principalOf(ctx);
      return { standards: (await loadStandards(deps.pool)).map(standardToProto) };
    },

    async getStandardInForce(
      request: GetStandardInForceRequest,
      ctx: CallContext,
    ): Promise<GetStandardInForceResponse> {
      principalOf(ctx);
      const area = areaFromProto(request.area, 'area');
      const asOf = dateFromProto(request.asOf, 'as_of', deps.today);
      const { standard, period } = inForceOn(await loadStandards(deps.pool), asOf);
      return {
        standard: standardToProto(standard),
        rule: ruleToProto(ruleOf(standard, area)),
        period: periodToProto(period),
      };
    },

    async classify(request: ClassifyRequest, ctx: CallContext): Promise<ClassifyResponse> {
      principalOf(ctx);
      const area = areaFromProto(request.area, 'area');
      const asOf = dateFromProto(request.asOf, 'as_of', deps.today);
      const income = moneyFromProto(request.incomePerPerson, 'income_per_person');
      const { standard } = inForceOn(await loadStandards(deps.pool), asOf);
      try {
        const result = classify({
          standard,
          rule: ruleOf(standard, area),
          incomePerPerson: income,
          deprivedIndicatorCodes: request.deprivedIndicatorCodes,
        });
        return {
          classification: classificationToProto(result.classification),
          rule: result.rule,
          ruleDescription: result.ruleDescription,
          deprived: result.deprived,
          standardCode: standard.code,
        };
      } catch (err) {
        if (err instanceof ClassifyInputError)
          throw new InvalidArgumentError(err.field, err.reason);
        throw err;
      }
    },
  });
}
