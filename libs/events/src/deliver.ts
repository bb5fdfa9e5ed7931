/** Handles one event through the inbox with bounded, backed-off retries. */
import type { Pool } from 'pg';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { handleOnce, type InboxOutcome } from './inbox';
import { errorFields, type EventsLogger } from './logger';
import type { EventHandler, ReceivedEvent } from './received-event';

export interface RetryPolicy {
  /** Attempts before the event is dead-lettered (at least 1). */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  backoff: { initialMs: 200, maxMs: 10_000, multiplier: 2 },
};

export type DeliveryResult =
  | { outcome: InboxOutcome; attempts: number }
  | { outcome: 'failed'; attempts: number; reason: string }
  | { outcome: 'stopped'; attempts: number };

export interface DeliveryContext {
  pool: Pool;
  group: string;
  handler: EventHandler;
  policy: RetryPolicy;
  logger: EventsLogger;
  /** Waits between attempts; returns false when the consumer is stopping. */
  wait: (ms: number) => Promise<boolean>;
  onRetry?: () => void;
}

export async function deliver(ctx: DeliveryContext, event: ReceivedEvent): Promise<DeliveryResult> {
  const fields = {
    group: ctx.group,
    eventId: event.id,
    type: event.type,
    topic: event.topic,
    offset: event.offset,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return {
        outcome: await handleOnce(ctx.pool, ctx.group, event, ctx.handler),
        attempts: attempt,
      };
    } catch (err) {
      if (attempt >= ctx.policy.maxAttempts) {
        ctx.logger.error(
          { ...fields, attempts: attempt, ...errorFields(err) },
          'event handling failed for good',
        );
        return { outcome: 'failed', attempts: attempt, reason: reasonOf(err) };
      }
      const delay = backoffDelay(attempt, ctx.policy.backoff);
      ctx.logger.warn(
        { ...fields, attempt, retryInMs: delay, ...errorFields(err) },
        'event handling failed; retrying',
      );
      ctx.onRetry?.();
      if (!(await ctx.wait(delay))) return { outcome: 'stopped', attempts: attempt };
    }
  }
}

function reasonOf(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
