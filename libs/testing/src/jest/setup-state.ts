import type { LocalComponent } from '../local-infra';

/** What the global setup started, so the global teardown stops exactly that. */
export interface SetupState {
  startedLocal: LocalComponent[];
  stopContainers: (() => Promise<void>) | undefined;
}

// Jest runs the global setup and teardown in the same process: a global carries the state.
const KEY = '__posaInfraSetupState';

export function setSetupState(state: SetupState): void {
  (globalThis as Record<string, unknown>)[KEY] = state;
}

export function takeSetupState(): SetupState | undefined {
  const holder = globalThis as Record<string, unknown>;
  const state = holder[KEY] as SetupState | undefined;
  delete holder[KEY];
  return state;
}
