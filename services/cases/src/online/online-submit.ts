/**
 * SubmitOnlineApplication: validates every field, applies the abuse limits, scans each file
 * and stores the application with its attachments in one transaction. Nothing is stored
 * when any check fails; an infected file refuses the whole submission.
 */
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  addWorkingDays,
  type CallContext,
  InvalidArgumentError,
  PUBLIC_HOLIDAY_DAYS,
  ResourceExhaustedError,
  sourceAddressOf,
  UnavailableError,
} from '@posa/platform';
import type { SubmitOnlineApplicationRequest, SubmitOnlineApplicationResponse } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { validatePayment, validateText } from '../domain/case-input';
import type { CaseKind } from '../domain/case-record';
import { careSupportTypeInForce, categoryInForce } from '../domain/policy-catalogue';
import { channelFromProto, kindFromProto } from '../grpc/case-mapping';
import { loadCatalogue } from '../store/policy-store';
import { ScannerUnavailableError, type AttachmentScanner } from './attachment-scanner';
import { attachmentsToStore, insertAttachment } from './attachment-store';
import { assertCitizenChannel } from './online-access';
import {
  validateApplicant,
  validateAttachments,
  validateFiler,
  type AttachmentFacts,
} from './online-input';
import { attachmentToProto } from './online-mapping';
import type { AttachmentRow, OnlineApplicationRow } from './online-record';
import type { OnlineSettings } from './online-settings';
import { appendApplicationStep, insertApplication, trackingCodeTaken } from './online-store';
import { lockSubmitters, recentSubmissions } from './submission-limits-store';
import { loadWorkingDays } from './time-limit-store';
import { newTrackingCode } from './tracking-code';

/** Scans every file; INVALID_ARGUMENT naming the first infected one, UNAVAILABLE without an answer. */
async function scanAll(
  scanner: AttachmentScanner,
  files: readonly AttachmentFacts[],
): Promise<void> {
  for (const [i, file] of files.entries()) {
    let outcome;
    try {
      outcome = await scanner.scan(file.content);
    } catch (err) {
      if (err instanceof ScannerUnavailableError) {
        throw new UnavailableError('the attachment scanner is unavailable; nothing was stored');
      }
      throw err;
    }
    if (!outcome.clean) {
      throw new InvalidArgumentError(`attachments[${i}]`, 'the virus scan refused this file');
    }
  }
}

/** A tracking code no application holds yet (the unique index stays the last word). */
async function freshTrackingCode(client: pg.PoolClient): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    if (!(await trackingCodeTaken(client, code))) return code;
  }
}

/** The hint must be a category (allowance) or care-support type (care support) in force today. */
function checkSuggestion(
  catalogue: Awaited<ReturnType<typeof loadCatalogue>>,
  kind: CaseKind,
  code: string,
  today: string,
): void {
  const found =
    kind === 'monthly_allowance'
      ? categoryInForce(catalogue, code, today)
      : careSupportTypeInForce(catalogue, code, today);
  if (found === undefined) {
    throw new InvalidArgumentError(
      'suggested_category_code',
      `${code} is not in force for this kind of assistance`,
    );
  }
}

export function submitHandler(deps: CasesDeps, settings: OnlineSettings) {
  return async function submitOnlineApplication(
    request: SubmitOnlineApplicationRequest,
    ctx: CallContext,
  ): Promise<SubmitOnlineApplicationResponse> {
    const principal = principalOf(ctx);
    assertCitizenChannel(principal);
    const today = deps.today();
    const kind = kindFromProto(request.kind, 'kind');
    const applicant = validateApplicant(request.applicant, deps.units.provinceOfCommune, today);
    const filer = validateFiler(request.filedByName, request.filedByRelation);
    const circumstances = validateText(request.circumstances, 'circumstances', 4000, true);
    const suggested = validateText(
      request.suggestedCategoryCode,
      'suggested_category_code',
      50,
      false,
    );
    const payment = validatePayment(
      channelFromProto(request.payment?.channel ?? 0, 'payment.channel'),
      request.payment?.bankCode ?? '',
      request.payment?.accountNumber ?? '',
      'payment',
    );
    const files = validateAttachments(request.attachments, settings.attachmentMaxBytes);
    const source =
      validateText(request.sourceAddress, 'source_address', 100, false) || sourceAddressOf(ctx);
    const sourceDigest = createHash('sha256').update(source).digest('hex');

    return withTransaction(deps.pool, async (client) => {
      if (suggested !== '') checkSuggestion(await loadCatalogue(client), kind, suggested, today);
      await lockSubmitters(client, applicant.citizenId, sourceDigest);
      const now = new Date();
      const recent = await recentSubmissions(client, applicant.citizenId, sourceDigest, now);
      if (recent.byCitizen >= settings.maxPerCitizenPerDay) {
        throw new ResourceExhaustedError(
          `at most ${settings.maxPerCitizenPerDay} online applications per citizen ID in 24 hours`,
        );
      }
      if (recent.bySource >= settings.maxPerSourcePerHour) {
        throw new ResourceExhaustedError(
          `at most ${settings.maxPerSourcePerHour} online applications from one address in an hour`,
        );
      }
      await scanAll(settings.scanner, files);
      const at = now.toISOString();
      const days = await loadWorkingDays(client, 'online_acceptance');
      const row: OnlineApplicationRow = {
        id: randomUUID(),
        trackingCode: await freshTrackingCode(client),
        kind,
        status: 'received',
        applicant,
        ...filer,
        circumstances,
        suggestedCategoryCode: suggested === '' ? null : suggested,
        ...payment,
        sourceDigest,
        receivedAt: at,
        receivedOn: today,
        dueOn: addWorkingDays(today, days, PUBLIC_HOLIDAY_DAYS),
        caseId: null,
        declineReason: null,
        decidedBy: null,
        decidedAt: null,
        updatedAt: at,
      };
      await insertApplication(client, row);
      const stored: AttachmentRow[] = attachmentsToStore(row.id, files, settings.scanner.name);
      for (const [i, a] of stored.entries()) await insertAttachment(client, a, files[i]!.content);
      await appendApplicationStep(client, {
        applicationId: row.id,
        step: 'received',
        actorId: principal.userId,
        actorUnitCode: principal.unitCode,
        at,
        note: null,
      });
      return {
        trackingCode: row.trackingCode,
        receivedAt: now,
        attachments: stored.map(attachmentToProto),
      };
    });
  };
}
