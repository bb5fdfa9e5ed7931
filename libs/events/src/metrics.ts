/**
 * prom-client instruments of this library. Metrics are registered in the caller's
 * registry when one is given (reusing an instrument already registered under the same
 * name), otherwise they live unregistered and only feed the objects' own stats.
 */
import { Counter, Gauge, type Registry } from 'prom-client';

function existing<T>(registry: Registry | undefined, name: string): T | undefined {
  return registry?.getSingleMetric(name) as T | undefined;
}

export function counter<L extends string>(
  registry: Registry | undefined,
  name: string,
  help: string,
  labelNames: readonly L[],
): Counter<L> {
  return (
    existing<Counter<L>>(registry, name) ??
    new Counter<L>({ name, help, labelNames, registers: registry ? [registry] : [] })
  );
}

export function gauge<L extends string>(
  registry: Registry | undefined,
  name: string,
  help: string,
  labelNames: readonly L[],
): Gauge<L> {
  return (
    existing<Gauge<L>>(registry, name) ??
    new Gauge<L>({ name, help, labelNames, registers: registry ? [registry] : [] })
  );
}
