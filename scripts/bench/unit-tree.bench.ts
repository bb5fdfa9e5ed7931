/**
 * Cost of the jurisdiction check "is commune X inside province Y" on the real 2024
 * structure (10,794 units), against a plain Set.has of the same pairs.
 *
 *   npx tsx --conditions=posa-src scripts/bench/unit-tree.bench.ts [batches] [batchSize]
 *
 * Baseline: a Set of "commune|province" strings holding every true pair, asked with
 * Set.has (what a precomputed lookup costs). Target: UnitTree.isWithin(commune, province),
 * which also answers for districts and any depth. Random commune/province pairs, half of
 * them true; baseline and target take turns batch by batch so load from other processes
 * hits both alike. Figures: median time per call over the batches. Target: < 5 µs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NATIONAL_UNIT_CODE, UnitTree } from '@posa/auth';
import { parseCsvLine } from '../../services/identity/src/domain/csv';

const batches = Number(process.argv[2] ?? 400);
const batchSize = Number(process.argv[3] ?? 2000);
const file = path.join(__dirname, '..', '..', 'services', 'identity', 'data', 'units-2024.csv');

const rows = readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).map(parseCsvLine);
const links = rows.map(([, code, , , , parent]) => ({
  code: code!,
  parentCode: parent || NATIONAL_UNIT_CODE,
}));
const communes = rows
  .filter((r) => r[0] === 'commune')
  .map((r) => ({ code: r[1]!, province: r[6]! }));
const provinces = rows.filter((r) => r[0] === 'province').map((r) => r[1]!);

const built = performance.now();
const tree = new UnitTree(links);
const buildMs = performance.now() - built;
const truePairs = new Set(communes.map((c) => `${c.code}|${c.province}`));

// Pairs are prepared up front (the keys for the baseline too) so only the look-ups are timed.
const pairCount = batchSize * 8;
const units: string[] = [];
const ancestors: string[] = [];
const keys: string[] = [];
for (let i = 0; i < pairCount; i++) {
  const commune = communes[Math.floor(Math.random() * communes.length)]!;
  const province =
    i % 2 === 0 ? commune.province : provinces[Math.floor(Math.random() * provinces.length)]!;
  units.push(commune.code);
  ancestors.push(province);
  keys.push(`${commune.code}|${province}`);
}
for (let i = 0; i < pairCount; i++) {
  if (tree.isWithin(units[i]!, ancestors[i]!) !== truePairs.has(keys[i]!)) {
    throw new Error(`disagreement on ${keys[i]}`);
  }
}

let sink = 0;
function runTree(offset: number): number {
  const start = performance.now();
  for (let i = 0; i < batchSize; i++)
    if (tree.isWithin(units[offset + i]!, ancestors[offset + i]!)) sink++;
  return ((performance.now() - start) * 1000) / batchSize;
}
function runSet(offset: number): number {
  const start = performance.now();
  for (let i = 0; i < batchSize; i++) if (truePairs.has(keys[offset + i]!)) sink++;
  return ((performance.now() - start) * 1000) / batchSize;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

for (let w = 0; w < 50; w++) {
  runTree((w % 8) * batchSize);
  runSet((w % 8) * batchSize);
}
const treeTimes: number[] = [];
const setTimes: number[] = [];
for (let b = 0; b < batches; b++) {
  const offset = (b % 8) * batchSize;
  treeTimes.push(runTree(offset));
  setTimes.push(runSet(offset));
}

const treeUs = median(treeTimes);
const setUs = median(setTimes);
console.log(
  `units: ${tree.size} (${communes.length} communes, ${provinces.length} provinces); tree built in ${buildMs.toFixed(1)} ms`,
);
console.log(`calls: ${batches} batches x ${batchSize} random pairs each (half true)`);
console.log(`baseline Set.has        median ${(setUs * 1000).toFixed(1)} ns/call`);
console.log(`UnitTree.isWithin       median ${(treeUs * 1000).toFixed(1)} ns/call`);
console.log(`ratio isWithin/Set.has  ${(treeUs / setUs).toFixed(2)}`);
console.log(`target median < 5 µs: ${treeUs < 5 ? 'met' : 'NOT met'} (${treeUs.toFixed(3)} µs)`);
if (sink < 0) console.log(sink);
