/**
 * Which population registry the app talks to: the configured endpoint, or (when
 * POPULATION_REGISTRY_URL is unset: the embedded run and the tests) a simulator started in
 * process. Either way through the same HTTP client.
 */
import type { Logger } from '@posa/platform';
import { HttpPopulationRegistry } from './http-population-registry';
import type { PopulationRegistry } from './population-registry';
import { PopulationSimulator } from './population-simulator';

export interface PopulationSettings {
  POPULATION_REGISTRY_URL: string | undefined;
  POPULATION_REGISTRY_TIMEOUT_MS: number;
  POPULATION_REGISTRY_RETRIES: number;
}

export interface PopulationWiring {
  registry: PopulationRegistry;
  /** Stops the simulator if this wiring started it. */
  stop(): Promise<void>;
}

export async function wirePopulationRegistry(
  settings: PopulationSettings,
  logger: Logger,
  /** A simulator the caller started and stops (tests); otherwise one is started here. */
  simulator?: PopulationSimulator,
): Promise<PopulationWiring> {
  let owned: PopulationSimulator | undefined;
  let baseUrl = settings.POPULATION_REGISTRY_URL;
  if (baseUrl === undefined) {
    if (simulator === undefined) {
      owned = new PopulationSimulator();
      baseUrl = await owned.start();
      // Right for the embedded run; anywhere else POPULATION_REGISTRY_URL must be set.
      logger.warn(
        { url: baseUrl },
        'POPULATION_REGISTRY_URL unset: verifications answer from the built-in simulator',
      );
    } else {
      baseUrl = simulator.url;
    }
  }
  const registry = new HttpPopulationRegistry({
    baseUrl,
    timeoutMs: settings.POPULATION_REGISTRY_TIMEOUT_MS,
    retries: settings.POPULATION_REGISTRY_RETRIES,
    logger,
  });
  return { registry, stop: async () => owned?.stop() };
}
