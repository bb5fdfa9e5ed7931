/** Creates missing topics; our brokers run with topic auto-creation turned off. */
import { createKafka } from './kafka-client';
import type { EventsLogger } from './logger';
import type { TopicSpec } from './topics';

export type TopicSettings = Pick<TopicSpec, 'name' | 'partitions' | 'retentionMs'>;

export interface EnsureTopicsOptions {
  /** -1 (default) takes the broker's default.replication.factor. */
  replicationFactor?: number;
  logger?: EventsLogger;
}

/**
 * Creates every topic of `topics` that does not exist yet and waits for its leaders.
 * Existing topics are left as they are. Returns the names it created.
 */
export async function ensureTopics(
  brokers: string[],
  topics: readonly TopicSettings[],
  options: EnsureTopicsOptions = {},
): Promise<string[]> {
  const admin = createKafka({
    brokers,
    clientId: 'posa-ensure-topics',
    logger: options.logger,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: options.replicationFactor ?? -1,
        configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
      })),
    });
    options.logger?.info({ topics: missing.map((t) => t.name) }, 'created Kafka topics');
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}
