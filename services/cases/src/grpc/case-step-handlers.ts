/**
 * The commune's steps of a case: filing (nộp hồ sơ), the completeness check (kiểm tra tính đầy
 * đủ) and re-filing a returned case. Each is one transaction with its step and events.
 */
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { type CallContext, PermissionDeniedError, PUBLIC_HOLIDAY_DAYS } from '@posa/platform';
import type {
  CheckCompletenessRequest,
  CheckCompletenessResponse,
  ResubmitApplicationRequest,
  ResubmitApplicationResponse,
  SubmitApplicationRequest,
  SubmitApplicationResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { dueOn } from '../domain/case-deadline';
import { notInFuture, validateItems, validatePayment, validateText } from '../domain/case-input';
import { transition } from '../domain/case-workflow';
import { appendStep, bumpVersion, findCaseByRequest } from '../store/case-store';
import { assertCommuneOfficer } from './case-access';
import { actorOf, fullCase, ruleOfCase, withLockedCase } from './case-commit';
import { fileCase } from './case-filing';
import {
  channelFromProto,
  dateFromProto,
  disabilityFromProto,
  kindFromProto,
} from './case-mapping';
import { lookUpBeneficiary } from './beneficiary-lookup';

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

export function caseStepHandlers(deps: CasesDeps) {
  const { pool, today } = deps;

  async function submitApplication(
    request: SubmitApplicationRequest,
    ctx: CallContext,
  ): Promise<SubmitApplicationResponse> {
    const principal = principalOf(ctx);
    if (principal.isService || !principal.roles.has('officer')) {
      throw new PermissionDeniedError('filing a case needs the role officer of a commune');
    }
    if (deps.units.provinceOfCommune(principal.unitCode) === undefined) {
      throw new PermissionDeniedError('cases are filed by officers of a commune');
    }
    const kind = kindFromProto(request.kind, 'kind');
    const applicationDate = notInFuture(
      dateFromProto(request.applicationDate, 'application_date'),
      today(),
      'application_date',
    );
    const payment = validatePayment(
      channelFromProto(request.payment?.channel ?? 0, 'payment.channel'),
      request.payment?.bankCode ?? '',
      request.payment?.accountNumber ?? '',
      'payment',
    );
    const documents = validateItems(request.documents, 'documents', { required: false });
    const requestId = validateText(request.requestId, 'request_id', 100, false);
    const rawEligibility = {
      categoryCodes: request.eligibility?.categoryCodes ?? [],
      disabilityLevel: disabilityFromProto(
        request.eligibility?.disabilityLevel ?? 0,
        'eligibility.disability_level',
      ),
      careSupportTypeCode: request.eligibility?.careSupportTypeCode ?? '',
    };
    const filedBefore = async (): Promise<SubmitApplicationResponse | undefined> => {
      if (requestId === '') return undefined;
      const found = await findCaseByRequest(pool, principal.unitCode, requestId);
      return found === undefined ? undefined : { case: await fullCase(pool, found, today()) };
    };
    const again = await filedBefore();
    if (again !== undefined) return again;
    const person = await lookUpBeneficiary(deps, ctx, request.householdId, request.memberId);
    assertCommuneOfficer(principal, person.communeCode);
    const actor = actorOf(ctx);
    try {
      return await withTransaction(pool, async (client) => {
        const row = await fileCase(
          client,
          {
            kind,
            person,
            eligibility: rawEligibility,
            payment,
            applicationDate,
            documents,
            requestId,
            channel: 'staff',
          },
          actor,
          today(),
        );
        return { case: await fullCase(client, row, today()) };
      });
    } catch (err) {
      // Two filings with one request id at once: the second returns the first's case.
      if (isUniqueViolation(err)) {
        const first = await filedBefore();
        if (first !== undefined) return first;
      }
      throw err;
    }
  }

  async function checkCompleteness(
    request: CheckCompletenessRequest,
    ctx: CallContext,
  ): Promise<CheckCompletenessResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const note = validateText(request.note, 'note', 2000, false);
    const missing = request.complete
      ? []
      : validateItems(request.missingItems, 'missing_items', { required: true });
    return withLockedCase(
      deps,
      principal,
      request.caseId,
      request.expectedVersion,
      async (client, row) => {
        assertCommuneOfficer(principal, row.communeCode);
        const status = transition(row.status, request.complete ? 'check_complete' : 'return');
        const rule = await ruleOfCase(client, row);
        const stepDueOn = request.complete
          ? dueOn(rule, 'appraisal', today(), PUBLIC_HOLIDAY_DAYS)
          : null;
        const next = await bumpVersion(client, row, request.expectedVersion, {
          status,
          missingItems: missing,
          stepDueOn,
        });
        const step = request.complete ? 'checked' : 'returned';
        const stepNote = request.complete
          ? note
          : [note, ...missing].filter((s) => s !== '').join('; ');
        await appendStep(client, {
          caseId: row.id,
          step,
          ...actor,
          at: next.updatedAt,
          note: stepNote,
        });
        return { case: await fullCase(client, next, today()) };
      },
    );
  }

  async function resubmitApplication(
    request: ResubmitApplicationRequest,
    ctx: CallContext,
  ): Promise<ResubmitApplicationResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const note = validateText(request.note, 'note', 2000, false);
    const documents = validateItems(request.documents, 'documents', { required: false });
    return withLockedCase(
      deps,
      principal,
      request.caseId,
      request.expectedVersion,
      async (client, row) => {
        assertCommuneOfficer(principal, row.communeCode);
        const status = transition(row.status, 'resubmit');
        const rule = await ruleOfCase(client, row);
        const next = await bumpVersion(client, row, request.expectedVersion, {
          status,
          documents: [...row.documents, ...documents.filter((d) => !row.documents.includes(d))],
          missingItems: [],
          stepDueOn: dueOn(rule, 'completeness', today(), PUBLIC_HOLIDAY_DAYS),
        });
        await appendStep(client, {
          caseId: row.id,
          step: 'resubmitted',
          ...actor,
          at: next.updatedAt,
          note,
        });
        return { case: await fullCase(client, next, today()) };
      },
    );
  }

  return { submitApplication, checkCompleteness, resubmitApplication };
}
