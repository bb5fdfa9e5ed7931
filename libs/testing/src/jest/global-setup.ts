import { dockerAvailable } from '../docker';
import { readInfraEnvFile } from '../env-file';
import { ENGINES, type EngineName, resolveEngine, stopContainers } from '../infra';
import {
  type LocalComponent,
  LOCAL_COMPONENTS,
  localUp,
  runningLocalComponents,
} from '../local-infra';
import { infraEnvFile } from '../paths';
import { type SetupState, setSetupState } from './setup-state';

/**
 * Makes the engines of the integration tests available before any test file runs and
 * exports their POSA_TEST_* variables, which the test workers inherit. Variables already
 * set are kept; otherwise containers are used when a Docker engine answers, else the local
 * processes of scripts/infra/up.sh (started here when they are not running).
 */
export default async function globalSetup(): Promise<void> {
  const state: SetupState = { startedLocal: [], stopContainers: undefined };
  setSetupState(state);
  const missing = (Object.keys(ENGINES) as EngineName[]).filter(
    (name) => !process.env[ENGINES[name].variable],
  );
  if (missing.length === 0) return;

  if (await dockerAvailable()) {
    state.stopContainers = stopContainers;
    for (const name of missing)
      process.env[ENGINES[name].variable] = (await resolveEngine(name)).address;
    return;
  }

  const before = runningLocalComponents();
  if (before.length < LOCAL_COMPONENTS.length) {
    localUp();
    state.startedLocal = LOCAL_COMPONENTS.filter(
      (component: LocalComponent) => !before.includes(component),
    );
  }
  const values = readInfraEnvFile();
  for (const name of missing) {
    const { variable } = ENGINES[name];
    const value = values[variable];
    if (!value)
      throw new Error(`${variable} missing from ${infraEnvFile} after scripts/infra/up.sh`);
    process.env[variable] = value;
  }
}
