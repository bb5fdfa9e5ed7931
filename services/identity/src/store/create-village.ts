/**
 * Creating a village is one transaction: the village row, its audit entry and the
 * UnitCreated event in the outbox commit together or not at all.
 */
import type pg from 'pg';
import { appendToOutbox, withTransaction } from '@posa/db';
import type { Principal } from '@posa/auth';
import { unitCreatedEvent } from '../events/unit-events';
import type { VillageKindName } from '../domain/village';
import { appendAudit } from './audit-store';
import { insertVillage, type StoredVillage } from './village-store';

export interface CreateVillageCommand {
  communeCode: string;
  name: string;
  kind: VillageKindName;
  actor: Principal;
  sourceAddress: string;
}

export async function createVillage(
  pool: pg.Pool,
  command: CreateVillageCommand,
): Promise<StoredVillage> {
  return withTransaction(pool, async (client) => {
    const village = await insertVillage(client, {
      communeCode: command.communeCode,
      name: command.name,
      kind: command.kind,
      createdBy: command.actor.userId,
    });
    const at = village.createdAt;
    await appendAudit(client, {
      actorId: command.actor.userId,
      actorUnitCode: command.actor.unitCode,
      action: 'village.create',
      targetType: 'village',
      targetId: village.code,
      unitCode: village.communeCode,
      unitStructure: '2025',
      provinceCode: village.provinceCode,
      sourceAddress: command.sourceAddress,
      before: null,
      after: {
        code: village.code,
        communeCode: village.communeCode,
        name: village.name,
        kind: village.kind,
      },
      at,
    });
    await appendToOutbox(client, [
      unitCreatedEvent({
        unitCode: village.code,
        parentCode: village.communeCode,
        level: 'village',
        actorId: command.actor.userId,
        actorUnitCode: command.actor.unitCode,
        sourceAddress: command.sourceAddress,
        at,
      }),
    ]);
    return village;
  });
}
