/** The settings of the citizen online service, from the configuration. */
import { EicarOnlyScanner, type AttachmentScanner } from './attachment-scanner';
import { ClamdScanner, parseClamdAddress } from './clamd-scanner';
import { MAX_ATTACHMENTS } from './online-input';

export interface OnlineSettings {
  /** Largest attachment accepted, bytes. */
  attachmentMaxBytes: number;
  /** Abuse limits: stored submissions per citizen ID in 24 hours, per source in one hour. */
  maxPerCitizenPerDay: number;
  maxPerSourcePerHour: number;
  scanner: AttachmentScanner;
}

export interface OnlineConfig {
  ONLINE_ATTACHMENT_MAX_BYTES: number;
  ONLINE_MAX_PER_CITIZEN_PER_DAY: number;
  ONLINE_MAX_PER_SOURCE_PER_HOUR: number;
  CLAMD_ADDRESS: string | undefined;
  CLAMD_TIMEOUT_MS: number;
}

export function onlineSettingsOf(config: OnlineConfig): OnlineSettings {
  const scanner =
    config.CLAMD_ADDRESS === undefined
      ? new EicarOnlyScanner()
      : new ClamdScanner({
          ...parseClamdAddress(config.CLAMD_ADDRESS),
          timeoutMs: config.CLAMD_TIMEOUT_MS,
        });
  return {
    attachmentMaxBytes: config.ONLINE_ATTACHMENT_MAX_BYTES,
    maxPerCitizenPerDay: config.ONLINE_MAX_PER_CITIZEN_PER_DAY,
    maxPerSourcePerHour: config.ONLINE_MAX_PER_SOURCE_PER_HOUR,
    scanner,
  };
}

/**
 * The largest gRPC message the server must receive: a submission with the most attachments
 * at the largest size, plus 1 MiB for the other fields and framing.
 */
export function maxSubmissionBytes(
  config: Pick<OnlineConfig, 'ONLINE_ATTACHMENT_MAX_BYTES'>,
): number {
  return MAX_ATTACHMENTS * config.ONLINE_ATTACHMENT_MAX_BYTES + 1024 * 1024;
}
