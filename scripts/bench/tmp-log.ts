import pino from 'pino';
import { createLogger, Metrics } from '@posa/platform';
const dest = { write() {} } as any;
const variants: [string, pino.Logger][] = [
  ['ours', createLogger({ service: 'b', destination: dest })],
  ['plain pino', pino({ base: { service: 'b' }, timestamp: pino.stdTimeFunctions.isoTime }, dest)],
];
for (const [n, l] of variants) {
  for (let r = 0; r < 2; r++) {
    const t = performance.now();
    for (let i = 0; i < 20000; i++) l.info({ grpc_service: 'posa.x.v1.S', grpc_method: 'Say', grpc_code: 'OK', duration_ms: 0.123 }, 'grpc call');
    console.log(n, ((performance.now() - t) / 20000 * 1000).toFixed(2), 'us/line');
  }
}
const m = new Metrics({ defaultMetrics: false });
const mm = m.grpcServerMethod('unary', 'a', 'b');
let t = performance.now();
for (let i = 0; i < 100000; i++) { mm.started(); mm.handled(0, 0.0001); }
console.log('metrics', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'us/call');
