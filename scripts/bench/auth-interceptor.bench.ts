/**
 * Cost of authentication and jurisdiction on a real gRPC call, warm JWKS cache.
 *
 *   npx tsx --conditions=posa-src scripts/bench/auth-interceptor.bench.ts
 *
 * Two servers built with createGrpcServer (@posa/platform) in the same process, called with
 * createGrpcClient: "bare" has no interceptor and a handler that answers at once; "auth" runs
 * authInterceptor (@posa/auth: RS256 signature, issuer, audience, expiry, principal) and a
 * handler that checks the caller's jurisdiction over a commune in a 3,400-unit tree. Keys
 * come from a local JWKS HTTP server (real signed tokens), fetched once and then cached.
 * The targets take turns in blocks so that load from other processes hits both alike.
 * A third target sends the same token header to the bare server, separating the cost of
 * carrying the header from the cost of checking it. Target: median(auth) - median(bare)
 * < 0.2 ms. Also prints the in-process cost of verify + check without gRPC.
 */
import * as grpc from '@grpc/grpc-js';
import {
  assertInJurisdiction,
  authInterceptor,
  principalOf,
  TokenVerifier,
  UnitTree,
} from '@posa/auth';
import { createGrpcClient, createGrpcServer, createLogger, service } from '@posa/platform';
import type { ClientConstructor, GrpcServer } from '@posa/platform';
import { startKeyServer } from '../../libs/auth/src/key-server.fixture';

interface Msg {
  unit: string;
}
const enc = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const dec = (b: Buffer): Msg => JSON.parse(b.toString()) as Msg;
const Bench = {
  check: {
    path: '/posa.bench.v1.AuthBench/Check',
    requestStream: false,
    responseStream: false,
    requestSerialize: enc,
    requestDeserialize: dec,
    responseSerialize: enc,
    responseDeserialize: dec,
  },
} as const;
const BenchClient = grpc.makeGenericClientConstructor(
  Bench,
  'posa.bench.v1.AuthBench',
) as unknown as ClientConstructor<typeof Bench>;

const CALLS = Number(process.env.BENCH_CALLS ?? 10_000);
const BLOCK = 500;
const WARMUP = 1_000;

/** 34 provinces × 100 communes under the national root. */
function syntheticTree(): UnitTree {
  const links = [];
  for (let p = 1; p <= 34; p++) {
    const province = String(p).padStart(2, '0');
    links.push({ code: province, parentCode: 'VN' });
    for (let c = 0; c < 100; c++)
      links.push({ code: `${province}${String(c).padStart(3, '0')}`, parentCode: province });
  }
  return new UnitTree(links);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const keys = await startKeyServer();
  const verifier = new TokenVerifier({
    issuer: keys.issuer,
    audience: 'posa-api',
    jwksUrl: keys.jwksUrl,
  });
  const tree = syntheticTree();
  const token = await keys.sign(
    { unit_code: '17', realm_access: { roles: ['officer'] }, typ: 'Bearer' },
    { expiresIn: '1h' },
  );
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const request: Msg = { unit: '17042' };

  const servers: GrpcServer[] = [];
  const start = async (withAuth: boolean) => {
    const server = createGrpcServer({
      services: [
        service(Bench, {
          check: (req: Msg, ctx) => {
            if (withAuth) assertInJurisdiction(principalOf(ctx), req.unit, tree);
            return req;
          },
        }),
      ],
      port: 0,
      host: '127.0.0.1',
      logger,
      interceptors: withAuth ? [authInterceptor(verifier)] : [],
    });
    servers.push(server);
    const port = await server.start();
    return createGrpcClient(BenchClient, `127.0.0.1:${port}`, { defaultDeadlineMs: 5000 });
  };
  const bare = await start(false);
  const auth = await start(true);
  const metadata = { authorization: `Bearer ${token}` };
  const targets = [
    {
      name: 'bare (no interceptor)',
      call: () => bare.call('check', request),
      samples: [] as number[],
    },
    {
      name: 'bare + token header',
      call: () => bare.call('check', request, { metadata }),
      samples: [] as number[],
    },
    {
      name: 'auth + jurisdiction',
      call: () => auth.call('check', request, { metadata }),
      samples: [] as number[],
    },
  ];

  for (const t of targets) for (let i = 0; i < WARMUP; i++) await t.call();
  const fetchesAfterWarmup = keys.fetches;
  for (let done = 0; done < CALLS; done += BLOCK) {
    for (const t of targets) {
      for (let i = 0; i < BLOCK; i++) {
        const started = process.hrtime.bigint();
        await t.call();
        t.samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
  }

  const inProcess: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    const principal = await verifier.verify(token);
    assertInJurisdiction(principal, request.unit, tree);
    inProcess.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  const [b, h, a] = targets.map((t) => median(t.samples)) as [number, number, number];
  console.log(
    `calls per target: ${CALLS} (after ${WARMUP} warm-up calls), JWKS fetches: ${keys.fetches} (after warm-up: ${keys.fetches - fetchesAfterWarmup} more)`,
  );
  console.log(`median round trip, bare:                ${b.toFixed(4)} ms`);
  console.log(
    `median round trip, bare + token header: ${h.toFixed(4)} ms (carrying the ~1 KB header, unverified)`,
  );
  console.log(`median round trip, auth + jurisdiction: ${a.toFixed(4)} ms`);
  console.log(
    `added by verification + check alone (auth - bare with header): ${(a - h).toFixed(4)} ms`,
  );
  console.log(
    `added by verification + check (median difference): ${(a - b).toFixed(4)} ms (target < 0.2 ms)`,
  );
  console.log(`ratio auth/bare: ${(a / b).toFixed(3)}`);
  console.log(`in-process verify + check, median: ${median(inProcess).toFixed(4)} ms`);

  bare.close();
  auth.close();
  for (const s of servers) await s.stop(1000);
  await keys.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
