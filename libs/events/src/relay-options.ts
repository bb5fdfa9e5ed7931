/** Options, defaults and metrics of the outbox relay. */
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import type { BackoffPolicy } from './backoff';
import type { EventsLogger } from './logger';
import { counter, gauge } from './metrics';
import type { EventPublisher, PublishedEvent } from './publisher';

export interface OutboxRelayOptions {
  pool: Pool;
  publisher: EventPublisher;
  /** Names this relay in logs and metric labels (e.g. the service name). */
  name: string;
  batchSize?: number;
  /** Wait between polls when the last batch was not full, ms. */
  idleIntervalMs?: number;
  /** Wait between attempts to become leader, ms. */
  leaderRetryMs?: number;
  /** Advisory lock name; relays of one database sharing it exclude each other. */
  lockName?: string;
  errorBackoff?: BackoffPolicy;
  /** Delete rows published more than this many days ago; 0 disables. */
  purgeAfterDays?: number;
  purgeIntervalMs?: number;
  lagIntervalMs?: number;
  /** Upper bound of stop() waiting for the in-flight batch, ms. */
  stopTimeoutMs?: number;
  logger?: EventsLogger;
  registry?: Registry;
  /** Called after a batch was published, before it is marked (observability, crash drills). */
  afterPublish?: (events: PublishedEvent[]) => void | Promise<void>;
}

export interface RelayStats {
  published: number;
  batches: number;
  errors: number;
  leader: boolean;
}

export const RELAY_DEFAULTS = {
  batchSize: 500,
  idleIntervalMs: 100,
  leaderRetryMs: 1_000,
  lockName: 'posa_outbox_relay',
  errorBackoff: { initialMs: 200, maxMs: 10_000, multiplier: 2 } as BackoffPolicy,
  purgeAfterDays: 7,
  purgeIntervalMs: 60 * 60 * 1000,
  lagIntervalMs: 5_000,
  stopTimeoutMs: 10_000,
};

export function relayMetrics(registry: Registry | undefined) {
  const relay = ['relay'] as const;
  return {
    published: counter(
      registry,
      'posa_outbox_events_published_total',
      'Outbox events published',
      relay,
    ),
    errors: counter(
      registry,
      'posa_outbox_publish_errors_total',
      'Failed outbox relay rounds',
      relay,
    ),
    unpublished: gauge(
      registry,
      'posa_outbox_unpublished_events',
      'Outbox rows not yet published',
      relay,
    ),
    oldest: gauge(
      registry,
      'posa_outbox_oldest_unpublished_seconds',
      'Age of the oldest unpublished row',
      relay,
    ),
    leader: gauge(
      registry,
      'posa_outbox_relay_leader',
      '1 while this relay holds the outbox lock',
      relay,
    ),
  };
}

export type RelayMetrics = ReturnType<typeof relayMetrics>;
