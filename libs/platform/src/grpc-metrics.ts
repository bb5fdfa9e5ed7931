/**
 * The gRPC RED metrics, kept as plain numbers per method and turned into Prometheus
 * series only when scraped. prom-client's own Counter and Histogram hash and validate
 * the label set on every increment (even through `labels()` children), which showed up
 * as several microseconds per call; here a call costs a few array increments.
 */
import type { Metric, Registry } from 'prom-client';
import { statusName } from './grpc/errors';

export type GrpcType = 'unary' | 'server_stream' | 'client_stream';

/** Counts of one method on one side (server or client). */
export class MethodSeries {
  started = 0;
  /** Finished calls by status code. */
  readonly byCode: number[] = [];
  /** Histogram: count per bucket (last one is +Inf), sum and count of seconds. */
  readonly buckets: number[];
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<{ grpc_type: GrpcType; grpc_service: string; grpc_method: string }>,
    private readonly bounds: readonly number[],
  ) {
    this.buckets = new Array<number>(bounds.length + 1).fill(0);
  }

  handled(code: number, seconds: number): void {
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]!) i++;
    this.buckets[i]!++;
    this.sum += seconds;
    this.count++;
  }

  reset(): void {
    this.started = 0;
    this.byCode.length = 0;
    this.buckets.fill(0);
    this.sum = 0;
    this.count = 0;
  }
}

interface Value {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

/** A scrape-time metric in the shape prom-client's Registry expects of its metrics. */
function collected(
  name: string,
  help: string,
  type: 'counter' | 'histogram',
  values: () => Value[],
  reset: () => void,
): Metric {
  const metric = {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
    reset,
  };
  return metric as unknown as Metric;
}

/** All series of one side (prefix `grpc_server` or `grpc_client`). */
export class GrpcMetricsFamily {
  private readonly series = new Map<string, MethodSeries>();

  constructor(
    private readonly prefix: 'grpc_server' | 'grpc_client',
    private readonly bounds: readonly number[],
  ) {}

  /** The series of one method (created on first use, then shared). */
  method(type: GrpcType, service: string, method: string): MethodSeries {
    const key = `${type} ${service}/${method}`;
    let s = this.series.get(key);
    if (!s) {
      s = new MethodSeries(
        { grpc_type: type, grpc_service: service, grpc_method: method },
        this.bounds,
      );
      this.series.set(key, s);
    }
    return s;
  }

  /** Registers the family's metrics (started_total only on the server side). */
  register(registry: Registry, withStarted: boolean): void {
    const all = (): MethodSeries[] => [...this.series.values()];
    const reset = (): void => all().forEach((s) => s.reset());
    const side = this.prefix === 'grpc_server' ? 'on the server' : 'by the client';
    if (withStarted) {
      registry.registerMetric(
        collected(
          `${this.prefix}_started_total`,
          `gRPC calls started ${side}`,
          'counter',
          () => all().map((s) => ({ labels: { ...s.labels }, value: s.started })),
          reset,
        ),
      );
    }
    registry.registerMetric(
      collected(
        `${this.prefix}_handled_total`,
        `gRPC calls completed ${side}, by status code`,
        'counter',
        () =>
          all().flatMap((s) =>
            s.byCode.flatMap((value, code) =>
              value ? [{ labels: { ...s.labels, grpc_code: statusName(code) }, value }] : [],
            ),
          ),
        reset,
      ),
    );
    const seconds = `${this.prefix}_handling_seconds`;
    registry.registerMetric(
      collected(
        seconds,
        `Time to complete a gRPC call ${side}`,
        'histogram',
        () => all().flatMap((s) => this.histogramValues(seconds, s)),
        reset,
      ),
    );
  }

  private histogramValues(name: string, s: MethodSeries): Value[] {
    const out: Value[] = [];
    let cumulative = 0;
    for (let i = 0; i < s.buckets.length; i++) {
      cumulative += s.buckets[i]!;
      const le = i < this.bounds.length ? this.bounds[i]! : '+Inf';
      out.push({ metricName: `${name}_bucket`, labels: { ...s.labels, le }, value: cumulative });
    }
    out.push({ metricName: `${name}_sum`, labels: { ...s.labels }, value: s.sum });
    out.push({ metricName: `${name}_count`, labels: { ...s.labels }, value: s.count });
    return out;
  }
}
