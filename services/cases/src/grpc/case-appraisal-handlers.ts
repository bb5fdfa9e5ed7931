/**
 * Appraisal (thẩm định) and the check against the national population database (xác thực
 * thông tin với CSDL quốc gia về dân cư), by officers of the level the case's procedure rule
 * names: a 2024 district that held part of the commune (Decree 20/2021) or the commune itself
 * (Decree 147/2025).
 */
import { principalOf } from '@posa/auth';
import {
  type CallContext,
  compareMonths,
  FailedPreconditionError,
  InvalidArgumentError,
  monthOfDate,
  PUBLIC_HOLIDAY_DAYS,
  UnavailableError,
} from '@posa/platform';
import type {
  AppraiseCaseRequest,
  AppraiseCaseResponse,
  VerifyBeneficiaryRequest,
  VerifyBeneficiaryResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { dueOn } from '../domain/case-deadline';
import { assertAmountDefined, validateEligibility, validateText } from '../domain/case-input';
import { dateOfBirthText, type PopulationCheck } from '../domain/case-record';
import { transition } from '../domain/case-workflow';
import {
  appendStep,
  bumpVersion,
  checkCaseId,
  loadCase,
  VersionConflictError,
} from '../store/case-store';
import { loadCatalogue } from '../store/policy-store';
import { assertCaseReadable, assertCompetent } from './case-access';
import { actorOf, fullCase, ruleOfCase, withLockedCase } from './case-commit';
import { disabilityFromProto, monthFromProto } from './case-mapping';

export function caseAppraisalHandlers(deps: CasesDeps) {
  const { pool, today } = deps;

  async function appraiseCase(
    request: AppraiseCaseRequest,
    ctx: CallContext,
  ): Promise<AppraiseCaseResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const proposedMonth = monthFromProto(request.proposedMonth, 'proposed_month');
    if (proposedMonth === undefined)
      throw new InvalidArgumentError('proposed_month', 'is required');
    const opinion = validateText(request.opinion, 'opinion', 2000, false);
    const rawEligibility = {
      categoryCodes: request.eligibility?.categoryCodes ?? [],
      disabilityLevel: disabilityFromProto(
        request.eligibility?.disabilityLevel ?? 0,
        'eligibility.disability_level',
      ),
      careSupportTypeCode: request.eligibility?.careSupportTypeCode ?? '',
    };
    return withLockedCase(
      deps,
      principal,
      request.caseId,
      request.expectedVersion,
      async (client, row) => {
        const rule = await ruleOfCase(client, row);
        assertCompetent(principal, row, rule, 'appraisal', deps);
        const status = transition(row.status, 'appraise');
        if (compareMonths(proposedMonth, monthOfDate(row.applicationDate)) < 0) {
          throw new InvalidArgumentError(
            'proposed_month',
            'is before the month of the application',
          );
        }
        const catalogue = await loadCatalogue(client);
        const eligibility = validateEligibility(
          catalogue,
          row.kind,
          rawEligibility,
          row.applicationDate,
          'eligibility',
        );
        assertAmountDefined(catalogue, row, eligibility, proposedMonth, 'eligibility');
        const next = await bumpVersion(client, row, request.expectedVersion, {
          status,
          ...eligibility,
          proposedMonth,
          appraisalOpinion: opinion === '' ? null : opinion,
          stepDueOn: dueOn(rule, 'decision', today(), PUBLIC_HOLIDAY_DAYS),
        });
        await appendStep(client, {
          caseId: row.id,
          step: 'appraised',
          ...actor,
          at: next.updatedAt,
          note: opinion,
        });
        return { case: await fullCase(client, next, today()) };
      },
    );
  }

  async function verifyBeneficiary(
    request: VerifyBeneficiaryRequest,
    ctx: CallContext,
  ): Promise<VerifyBeneficiaryResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const id = checkCaseId(request.caseId);
    // The registry is asked outside the transaction; the write below re-checks the version.
    const seen = assertCaseReadable(principal, await loadCase(pool, id), id, deps);
    assertCompetent(principal, seen, await ruleOfCase(pool, seen), 'appraisal', deps);
    transition(seen.status, 'verify');
    if (seen.version !== request.expectedVersion && request.expectedVersion >= 1) {
      throw new VersionConflictError(seen.id, seen.version, request.expectedVersion);
    }
    if (seen.citizenId === null) {
      throw new FailedPreconditionError(
        'citizen_id: record the citizen ID in the household registry first',
      );
    }
    const result = await deps.registry.verify({
      citizenId: seen.citizenId,
      fullName: seen.fullName,
      dateOfBirth: dateOfBirthText(seen),
      sex: seen.sex,
    });
    if (result.outcome === 'unavailable') {
      throw new UnavailableError(
        'the national population database did not answer: try again later',
      );
    }
    const outcome: PopulationCheck = result.outcome === 'match' ? 'verified' : result.outcome;
    return withLockedCase(deps, principal, id, request.expectedVersion, async (client, row) => {
      if (row.citizenId !== seen.citizenId) {
        throw new FailedPreconditionError('citizen_id: changed during the check: try again');
      }
      transition(row.status, 'verify');
      const matched = result.outcome === 'match';
      const next = await bumpVersion(client, row, request.expectedVersion, {
        status: matched ? 'verified' : row.status,
        populationCheck: outcome,
      });
      const note = matched
        ? null
        : result.outcome === 'mismatch'
          ? `mismatch: ${result.mismatchedFields.join(', ')}`
          : 'not_found';
      await appendStep(client, {
        caseId: row.id,
        step: matched ? 'verified' : 'verification_failed',
        ...actor,
        at: next.updatedAt,
        note,
      });
      return { case: await fullCase(client, next, today()) };
    });
  }

  return { appraiseCase, verifyBeneficiary };
}
