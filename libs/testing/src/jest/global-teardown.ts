import { localDown } from '../local-infra';
import { takeSetupState } from './setup-state';

/**
 * Stops what the global setup started: its containers, and the local engines that were not
 * running before (engines already running stay up). POSA_TEST_KEEP_INFRA=1 keeps the local
 * engines running for the next run.
 */
export default async function globalTeardown(): Promise<void> {
  const state = takeSetupState();
  if (state === undefined) return;
  if (state.stopContainers) await state.stopContainers();
  if (process.env.POSA_TEST_KEEP_INFRA !== '1') localDown(state.startedLocal);
}
