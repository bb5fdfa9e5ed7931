import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import * as proto from '@posa/proto';
import {
  deadLetterTopic,
  deadLetterTopicSpec,
  eventType,
  findEventType,
  IdentityEvents,
  serviceTopic,
  topicCatalogue,
} from './topics';

interface Doc {
  asyncapi: string;
  channels: Record<string, Channel>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: { messages: Record<string, Message> };
}
interface Channel {
  address: string;
  messages: Record<string, { $ref: string }>;
  bindings: { kafka: { partitions: number; topicConfiguration: { 'retention.ms': number } } };
}
interface Message {
  name: string;
  payload?: { schema: string };
  'x-proto-message'?: string;
  headers: { $ref: string };
}

const doc = load(readFileSync(join(__dirname, '..', 'asyncapi.yaml'), 'utf8')) as Doc;

function resolve<T>(ref: string): T {
  const path = ref.replace(/^#\//, '').split('/');
  let node: unknown = doc;
  for (const part of path) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node as T;
}

function channelFor(address: string): Channel {
  const channel = Object.values(doc.channels).find((c) => c.address === address);
  if (channel === undefined) throw new Error(`asyncapi.yaml has no channel for ${address}`);
  return channel;
}

describe('topic catalogue', () => {
  it('names topics, dead-letter topics and event types by the conventions', () => {
    expect(serviceTopic('identity')).toBe('posa.identity.events.v1');
    expect(deadLetterTopic('reporting')).toBe('posa.reporting.dlq.v1');
    expect(eventType('identity', 'unit-created')).toBe('com.posa.identity.unit-created.v1');
    expect(IdentityEvents.accountRolesChanged).toBe('com.posa.identity.account-roles-changed.v1');
    expect(topicCatalogue.map((t) => t.owner)).toEqual([
      'identity',
      'households',
      'cases',
      'payments',
    ]);
    expect(findEventType('posa.identity.events.v1', IdentityEvents.unitCreated)?.message).toBe(
      'posa.events.v1.UnitCreated',
    );
    expect(findEventType('posa.cases.events.v1', IdentityEvents.unitCreated)).toBeUndefined();
  });

  it('lists the identity event types', () => {
    const identity = topicCatalogue.find((t) => t.owner === 'identity');
    expect(identity?.events.map((e) => e.name)).toEqual([
      'account-created',
      'account-locked',
      'account-unlocked',
      'account-roles-changed',
      'unit-created',
    ]);
  });

  it('references payload messages that exist in @posa/proto', () => {
    for (const topic of topicCatalogue) {
      for (const event of topic.events) {
        const name = event.message.split('.').pop()!;
        expect(event.message.startsWith('posa.events.v1.')).toBe(true);
        expect(typeof (proto as Record<string, unknown>)[name]).toBe('object');
      }
    }
  });
});

describe('asyncapi.yaml agrees with the catalogue', () => {
  it('is an AsyncAPI 3 document', () => {
    expect(doc.asyncapi).toMatch(/^3\./);
  });

  it.each(topicCatalogue.map((t) => [t.name, t] as const))('describes %s', (_name, topic) => {
    const channel = channelFor(topic.name);
    expect(channel.bindings.kafka.partitions).toBe(topic.partitions);
    expect(channel.bindings.kafka.topicConfiguration['retention.ms']).toBe(topic.retentionMs);
    const messages = Object.values(channel.messages).map((m) => resolve<Message>(m.$ref));
    expect(messages.map((m) => m.name).sort()).toEqual(topic.events.map((e) => e.type).sort());
    for (const message of messages) {
      const spec = topic.events.find((e) => e.type === message.name)!;
      expect(message['x-proto-message']).toBe(spec.message);
      expect(message.payload?.schema).toBe(spec.message);
      expect(message.headers.$ref).toBe('#/components/schemas/CloudEventHeaders');
    }
    const operation = Object.values(doc.operations).find(
      (op) => resolve<Channel>(op.channel.$ref).address === topic.name,
    );
    expect(operation?.action).toBe('send');
  });

  it('has no event channel that the catalogue lacks', () => {
    const addresses = Object.values(doc.channels)
      .map((c) => c.address)
      .filter((a) => a.endsWith('.events.v1'));
    expect(addresses.sort()).toEqual(topicCatalogue.map((t) => t.name).sort());
  });

  it('describes the dead-letter topics', () => {
    const channel = channelFor(deadLetterTopic('{group}'));
    const spec = deadLetterTopicSpec('any');
    expect(channel.bindings.kafka.partitions).toBe(spec.partitions);
    expect(channel.bindings.kafka.topicConfiguration['retention.ms']).toBe(spec.retentionMs);
  });
});
