/**
 * Cost of the platform gRPC helpers over bare @grpc/grpc-js, same service, same process.
 *
 *   npx tsx --conditions=posa-src scripts/bench/grpc-helpers.bench.ts
 *
 * Baseline: a grpc-js server with a plain callback handler and a generated-style client
 * wrapped in a promise with a deadline (every POSA call has one). Helpers:
 * createGrpcServer (metrics, one JSON log line per call, error mapping, call context) and
 * createGrpcClient (deadline, client metrics, status mapping). Log lines go to /dev/null
 * through a synchronous pino destination, as pino writes to stdout by default.
 * Runs sequential and concurrency-16 unary round trips; the targets take turns in blocks
 * of 1000 calls so that load from other processes hits them alike. Target: helper/bare
 * <= 1.3 for median latency and time per call, with the helpers' defaults (OK calls are
 * logged at debug, so not written at level info). A third target logs every OK call at
 * info, for reference.
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
const BenchClient = grpc.makeGenericClientConstructor(
  Bench,
  'posa.bench.v1.BenchService',
) as unknown as ClientConstructor<typeof Bench>;

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
    say: (call: grpc.ServerUnaryCall<Req, Res>, cb: grpc.sendUnaryData<Res>) =>
      cb(null, { text: call.request.text }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  const client = new BenchClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const { path, requestSerialize, responseDeserialize } = Bench.say;
  const call: Call = () =>
    new Promise((resolve, reject) => {
      client.makeUnaryRequest(
        path,
        requestSerialize,
        responseDeserialize,
        REQUEST,
        { deadline: Date.now() + DEADLINE_MS },
        (err, res) => (err ? reject(err) : resolve(res)),
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

async function helpers(callLogLevel?: 'info'): Promise<Target> {
  const metrics = new Metrics();
  const logger = createLogger({
    service: 'bench',
    destination: pino.destination({ dest: '/dev/null', sync: true }),
  });
  const server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    metrics,
    callLogLevel,
    services: [service(Bench, { say: (req) => ({ text: req.text }) })],
  });
  const port = await server.start();
  const client = createGrpcClient(BenchClient, `127.0.0.1:${port}`, {
    metrics,
    defaultDeadlineMs: DEADLINE_MS,
  });
  return {
    name: callLogLevel ? 'helpers, OK calls logged' : 'helpers',
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

/** Latencies and busy time of one target, gathered over interleaved blocks. */
class Samples {
  readonly lat: number[] = [];
  busyMs = 0;
  result(): Result {
    const sorted = [...this.lat].sort((a, b) => a - b);
    const at = (q: number): number =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 1000;
    return { medianUs: at(0.5), p99Us: at(0.99), perSecond: (sorted.length / this.busyMs) * 1000 };
  }
}

async function blockSequential(call: Call, n: number, into: Samples): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    into.lat.push(performance.now() - t);
  }
  into.busyMs += performance.now() - start;
}

async function blockConcurrent(call: Call, n: number, into: Samples): Promise<void> {
  let left = n;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      const t = performance.now();
      await call();
      into.lat.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  into.busyMs += performance.now() - start;
}

/**
 * The machine is shared, so load changes during a run: the targets take turns in blocks
 * of BLOCK calls (order rotating) and each is measured only in its own blocks.
 */
async function interleaved(
  targets: readonly Target[],
  total: number,
  block: (call: Call, n: number, into: Samples) => Promise<void>,
): Promise<Result[]> {
  const samples = targets.map(() => new Samples());
  for (let done = 0, round = 0; done < total; done += BLOCK, round++) {
    const n = Math.min(BLOCK, total - done);
    for (let k = 0; k < targets.length; k++) {
      const i = (k + round) % targets.length;
      await block(targets[i]!.call, n, samples[i]!);
    }
  }
  return samples.map((s) => s.result());
}

const BLOCK = 1000;

function fmt(r: Result): string {
  return `median ${r.medianUs.toFixed(1).padStart(7)} us  p99 ${r.p99Us.toFixed(1).padStart(8)} us  ${Math.round(r.perSecond).toString().padStart(6)} calls/s`;
}

/** Worst of helper/bare for median latency and time per call (inverse throughput). */
function ratios(label: string, bare: Result, helper: Result): number {
  const latency = helper.medianUs / bare.medianUs;
  const perCall = bare.perSecond / helper.perSecond;
  console.log(
    `ratio ${label}: median latency ${latency.toFixed(3)}, time per call ${perCall.toFixed(3)}`,
  );
  return Math.max(latency, perCall);
}

async function main(): Promise<void> {
  const targets = [await bare(), await helpers(), await helpers('info')];
  for (const t of targets) {
    await blockSequential(t.call, WARMUP, new Samples());
    await blockConcurrent(t.call, WARMUP, new Samples());
  }
  const seq = await interleaved(targets, SEQUENTIAL, blockSequential);
  const conc = await interleaved(targets, CONCURRENT, blockConcurrent);
  for (const t of targets) await t.close();

  console.log(
    `unary round trips: ${SEQUENTIAL} sequential, ${CONCURRENT} at concurrency ${CONCURRENCY}, interleaved in blocks of ${BLOCK}`,
  );
  targets.forEach((t, i) => console.log(`sequential   ${t.name.padEnd(26)} ${fmt(seq[i]!)}`));
  targets.forEach((t, i) => console.log(`concurrent   ${t.name.padEnd(26)} ${fmt(conc[i]!)}`));
  const worst = Math.max(
    ratios('helpers/bare, sequential', seq[0]!, seq[1]!),
    ratios('helpers/bare, concurrent', conc[0]!, conc[1]!),
  );
  ratios('helpers with every OK call logged/bare, sequential', seq[0]!, seq[2]!);
  ratios('helpers with every OK call logged/bare, concurrent', conc[0]!, conc[2]!);
  console.log(
    `worst helpers/bare ratio ${worst.toFixed(3)}: ${worst <= 1.3 ? 'target (<= 1.3) met' : 'target (<= 1.3) NOT met'}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
