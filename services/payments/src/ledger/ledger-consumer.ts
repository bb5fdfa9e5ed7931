/**
 * Consumer group `payments` of posa.cases.events.v1, the ledger's only source. Each event is
 * applied through the inbox in one transaction with its ledger changes (Kafka in the full
 * stack, the shared in-process bus in the embedded run). A consumer with another group, reading
 * from the oldest retained record into an empty database, rebuilds the same ledger.
 */
import type pg from 'pg';
import type { Registry } from 'prom-client';
import {
  serviceTopic,
  startEventConsumption,
  type EventHandler,
  type InProcessBus,
} from '@posa/events';
import type { Logger } from '@posa/platform';
import { applyLedgerEvent } from './ledger-apply';
import { decodeLedgerEvent } from './ledger-event';

export const LEDGER_GROUP = 'payments';
export const CASES_TOPIC = serviceTopic('cases');

export interface LedgerConsumerOptions {
  pool: pg.Pool;
  transport: 'in-process' | 'kafka';
  brokers: readonly string[];
  bus?: InProcessBus;
  logger: Logger;
  registry?: Registry;
  /** Consumer group (and inbox group); `payments` unless a rebuild or a test reads on its own. */
  group?: string;
}

export interface LedgerConsumer {
  stop(): Promise<void>;
}

/** Applies one received event (ids and outcome logged, never the payee). */
export function ledgerEventHandler(logger: Logger): EventHandler {
  return async (event, client) => {
    const decoded = decodeLedgerEvent(event);
    if (decoded === undefined) return;
    const outcome = await applyLedgerEvent(client, decoded);
    if (outcome !== 'applied') {
      logger.info(
        { eventId: event.id, caseId: decoded.caseId, outcome },
        'ledger event not applied',
      );
    }
  };
}

export async function startLedgerConsumer(options: LedgerConsumerOptions): Promise<LedgerConsumer> {
  const consumption = await startEventConsumption({
    service: options.group ?? LEDGER_GROUP,
    topics: [CASES_TOPIC],
    pool: options.pool,
    handler: ledgerEventHandler(options.logger),
    transport: options.transport,
    brokers: options.brokers,
    bus: options.bus,
    logger: options.logger,
    registry: options.registry,
  });
  return { stop: () => consumption.stop() };
}
