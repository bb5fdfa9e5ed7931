/** The one place that builds a kafkajs client: JSON logs through our logger, bounded retries. */
import { Kafka, logLevel, Partitioners, type LogEntry, type logCreator } from 'kafkajs';
import { silentLogger, type EventsLogger } from './logger';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger?: EventsLogger;
  /** Socket connection timeout, milliseconds (default 3,000). */
  connectionTimeoutMs?: number;
}

function toOurLogger(logger: EventsLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _ts, logger: _name, ...rest } = log;
      const fields = { kafka: namespace, ...rest };
      // Our producers bound their retries on purpose (the relay retries whole batches and
      // consumers deduplicate), so this warning says nothing to operators.
      if (message.startsWith('Limiting retries for the idempotent producer'))
        logger.debug(fields, message);
      else if (level === logLevel.ERROR) logger.error(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
      else if (level === logLevel.INFO) logger.info(fields, message);
      else logger.debug(fields, message);
    };
}

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    logLevel: logLevel.WARN,
    logCreator: toOurLogger(options.logger ?? silentLogger),
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
  });
}

/** The partitioner every producer uses (murmur2 of the key, as Java clients do). */
export const defaultPartitioner = Partitioners.DefaultPartitioner;
