/**
 * The random draw of acceptance sampling (chọn mẫu kiểm tra xác suất), reproducible from a
 * recorded seed: every household id gets the rank SHA-256(seed ":" id), and the sample is
 * the lowest ranks. The same seed over the same population gives the same sample whatever
 * the order the population is listed in, and a smaller sample is a prefix of a larger one.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SEED_PATTERN = /^[0-9a-f]{32,128}$/;

export function freshSeed(): string {
  return randomBytes(16).toString('hex');
}

function rankOf(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
}

/** The sample in rank order (position 1 first); `size` is capped at the population. */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const unique = [...new Set(population)];
  return unique
    .map((id) => ({ id, rank: rankOf(seed, id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, Math.max(0, Math.min(size, unique.length)))
    .map((r) => r.id);
}

/** SHA-256 of the sorted ids: shows later that a repeated draw saw the same population. */
export function populationDigest(population: readonly string[]): string {
  const sorted = [...new Set(population)].sort();
  return createHash('sha256').update(sorted.join('\n'), 'utf8').digest('hex');
}

/** Households to draw for a rate in basis points: rounded up, at least one. */
export function sizeForRate(populationSize: number, basisPoints: number): number {
  return Math.max(1, Math.ceil((populationSize * basisPoints) / 10_000));
}
