/**
 * Cost of the platform gRPC helpers over bare @grpc/grpc-js, same service, same process.
 *
 *   npx tsx --conditions=posa-src scripts/bench/grpc-helpers.bench.ts
 *
 * Baseline: a grpc-js server with a plain callback handler and a generated-style client
 * wrapped in a promise with a deadline (every POSA call has one). Helpers:
 * createGrpcServer (metrics, one JSON log line per call, error mapping, call context) and
 * createGrpcClient (deadline, client metrics, status mapping). Log lines go to /dev/null
 * through pino's asynchronous destination, as they would go to stdout in a pod.
 * Runs sequential and concurrency-16 unary round trips, each twice in alternating order,
 * and keeps the better run of each. Target: helper/bare <= 1.3.
 */
import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { Metrics, createGrpcClient, createGrpcServer, createLogger, service } from '@posa/platform';
import type { ClientConstructor } from '@posa/platform';

interface Req {
  text: string;
}
interface Res {
  text: string;
}
const enc = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const Bench = {
  say: {
    path: '/posa.bench.v1.BenchService/Say',
    requestStream: false,
    responseStream: false,
    requestSerialize: (v: Req): Buffer => enc(v),
    requestDeserialize: (b: Buffer): Req => JSON.parse(b.toString()) as Req,
    responseSerialize: (v: Res): Buffer => enc(v),
    responseDeserialize: (b: Buffer): Res => JSON.parse(b.toString()) as Res,
  },
} as const;
const BenchClient = grpc.makeGenericClientConstructor(Bench, 'posa.bench.v1.BenchService') as unknown as ClientConstructor<typeof Bench>;

const SEQUENTIAL = Number(process.env.BENCH_CALLS ?? 20_000);
const CONCURRENT = SEQUENTIAL;
const CONCURRENCY = 16;
const WARMUP = 2_000;
const DEADLINE_MS = 5000;
const REQUEST: Req = { text: 'household HH-0001 status' };

type Call = () => Promise<unknown>;
interface Target {
  name: string;
  call: Call;
  close(): Promise<void>;
}

async function bare(): Promise<Target> {
  const server = new grpc.Server();
  server.addService(Bench, {
    say: (call: grpc.ServerUnaryCall<Req, Res>, cb: grpc.sendUnaryData<Res>) => cb(null, { text: call.request.text }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const client = new BenchClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const { path, requestSerialize, responseDeserialize } = Bench.say;
  const call: Call = () =>
    new Promise((resolve, reject) => {
      client.makeUnaryRequest(path, requestSerialize, responseDeserialize, REQUEST, { deadline: Date.now() + DEADLINE_MS }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  return {
    name: 'bare grpc-js',
    call,
    close: async () => {
      client.close();
      await new Promise<void>((r) => server.tryShutdown(() => r()));
    },
  };
}

async function helpers(): Promise<Target> {
  const metrics = new Metrics();
  const logger = createLogger({ service: 'bench', destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    metrics,
    services: [service(Bench, { say: (req) => ({ text: req.text }) })],
  });
  const port = await server.start();
  const client = createGrpcClient(BenchClient, `127.0.0.1:${port}`, { metrics, defaultDeadlineMs: DEADLINE_MS });
  return {
    name: 'platform helpers',
    call: () => client.call('say', REQUEST),
    close: async () => {
      client.close();
      await server.stop(1000);
    },
  };
}

interface Result {
  medianUs: number;
  p99Us: number;
  perSecond: number;
}

function summarise(latencies: Float64Array, wallMs: number): Result {
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (q: number): number => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 1000;
  return { medianUs: at(0.5), p99Us: at(0.99), perSecond: (latencies.length / wallMs) * 1000 };
}

async function runSequential(call: Call, n: number): Promise<Result> {
  const lat = new Float64Array(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    lat[i] = performance.now() - t;
  }
  return summarise(lat, performance.now() - start);
}

async function runConcurrent(call: Call, n: number, concurrency: number): Promise<Result> {
  const lat = new Float64Array(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      await call();
      lat[i] = performance.now() - t;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(lat, performance.now() - start);
}

function better(a: Result | undefined, b: Result): Result {
  return a === undefined || b.perSecond > a.perSecond ? b : a;
}

async function main(): Promise<void> {
  const targets = [await bare(), await helpers()];
  const best = new Map<string, { seq?: Result; conc?: Result }>();
  for (const t of targets) {
    await runSequential(t.call, WARMUP);
    await runConcurrent(t.call, WARMUP, CONCURRENCY);
    best.set(t.name, {});
  }
  for (const round of [0, 1]) {
    const order = round === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const entry = best.get(t.name)!;
      entry.seq = better(entry.seq, await runSequential(t.call, SEQUENTIAL));
      entry.conc = better(entry.conc, await runConcurrent(t.call, CONCURRENT, CONCURRENCY));
    }
  }
  for (const t of targets) await t.close();

  const fmt = (r: Result): string =>
    `median ${r.medianUs.toFixed(1).padStart(7)} us  p99 ${r.p99Us.toFixed(1).padStart(8)} us  ${Math.round(r.perSecond).toString().padStart(6)} calls/s`;
  const b = best.get('bare grpc-js')!;
  const h = best.get('platform helpers')!;
  console.log(`unary round trips, ${SEQUENTIAL} sequential and ${CONCURRENT} at concurrency ${CONCURRENCY} (better of 2 runs)`);
  console.log(`sequential   bare     ${fmt(b.seq!)}`);
  console.log(`sequential   helpers  ${fmt(h.seq!)}`);
  console.log(`concurrent   bare     ${fmt(b.conc!)}`);
  console.log(`concurrent   helpers  ${fmt(h.conc!)}`);
  const seqRatio = h.seq!.medianUs / b.seq!.medianUs;
  const seqTput = b.seq!.perSecond / h.seq!.perSecond;
  const concTput = b.conc!.perSecond / h.conc!.perSecond;
  console.log(`ratio helper/bare: sequential median latency ${seqRatio.toFixed(3)}, sequential time per call ${seqTput.toFixed(3)}, concurrent time per call ${concTput.toFixed(3)} (target <= 1.3)`);
  const worst = Math.max(seqRatio, seqTput, concTput);
  console.log(worst <= 1.3 ? 'target met' : 'target NOT met');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
