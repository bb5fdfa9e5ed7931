/**
 * The outbox relay of identity and where it publishes: Kafka (full stack; topics ensured at
 * start) or the in-process bus of the embedded run. The mechanics live in @posa/events.
 */
import type pg from 'pg';
import { startOutboxPublishing, type InProcessBus, type OutboxPublishing } from '@posa/events';
import type { Logger, Metrics } from '@posa/platform';

export interface EventTransportOptions {
  pool: pg.Pool;
  transport: 'in-process' | 'kafka';
  brokers: string[];
  /** The shared bus of the embedded run; a private one when absent. */
  bus?: InProcessBus;
  logger: Logger;
  registry?: Metrics['registry'];
}

export type RunningRelay = OutboxPublishing;

export function startOutboxRelay(options: EventTransportOptions): Promise<RunningRelay> {
  return startOutboxPublishing({ service: 'identity', ...options });
}
