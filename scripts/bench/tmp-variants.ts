import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { Metrics, createGrpcClient, createGrpcServer, createLogger, service } from '@posa/platform';
import type { ClientConstructor } from '@posa/platform';
interface Req { text: string } interface Res { text: string }
const enc = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const Bench = { say: { path: '/posa.bench.v1.BenchService/Say', requestStream: false, responseStream: false,
  requestSerialize: (v: Req): Buffer => enc(v), requestDeserialize: (b: Buffer): Req => JSON.parse(b.toString()) as Req,
  responseSerialize: (v: Res): Buffer => enc(v), responseDeserialize: (b: Buffer): Res => JSON.parse(b.toString()) as Res } } as const;
const BenchClient = grpc.makeGenericClientConstructor(Bench, 'x') as unknown as ClientConstructor<typeof Bench>;
const REQUEST = { text: 'household HH-0001 status' };
async function bareServer() { const server = new grpc.Server(); server.addService(Bench, { say: (call: any, cb: any) => cb(null, { text: call.request.text }) });
  return new Promise<number>((res) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => res(p))); }
async function helperServer(logMode: string, withMetrics: boolean) {
  const dest = logMode === 'devnull' ? pino.destination({ dest: '/dev/null', sync: false }) : { write() {} };
  const logger = createLogger({ service: 'b', destination: dest as any, level: logMode === 'silent' ? 'silent' : 'info' });
  const s = createGrpcServer({ host: '127.0.0.1', port: 0, logger, metrics: withMetrics ? new Metrics({defaultMetrics: false}) : undefined, services: [service(Bench, { say: (r) => ({ text: r.text }) })] });
  return s.start(); }
function bareClient(port: number) { const c = new BenchClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return () => new Promise((res, rej) => c.makeUnaryRequest(Bench.say.path, Bench.say.requestSerialize, Bench.say.responseDeserialize, REQUEST, { deadline: Date.now() + 5000 }, (e, r) => e ? rej(e) : res(r))); }
function helperClient(port: number) { const c = createGrpcClient(BenchClient, `127.0.0.1:${port}`, {}); return () => c.call('say', REQUEST); }
async function seq(call: () => Promise<unknown>, n: number) { const lat: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); await call(); lat.push(performance.now() - t); } lat.sort((a, b) => a - b); return (lat[n >> 1]! * 1000).toFixed(1); }
async function main() {
  const variants: [string, () => Promise<() => Promise<unknown>>][] = [
    ['bare/bare', async () => bareClient(await bareServer())],
    ['helperSrv(silent,nometrics)/bare', async () => bareClient(await helperServer('silent', false))],
    ['helperSrv(noop,nometrics)/bare', async () => bareClient(await helperServer('noop', false))],
    ['helperSrv(devnull,metrics)/bare', async () => bareClient(await helperServer('devnull', true))],
    ['bare/helperClient', async () => helperClient(await bareServer())],
  ];
  const calls = await Promise.all(variants.map(async ([n, f]) => [n, await f()] as const));
  for (const [, c] of calls) await seq(c, 2000);
  for (let r = 0; r < 2; r++) for (const [n, c] of calls) console.log(n, await seq(c, 5000));
  process.exit(0);
}
main();
