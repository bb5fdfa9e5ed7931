/** What the gRPC handlers of the cases service are built with (wired in app.ts). */
import type pg from 'pg';
import type { GrpcClient } from '@posa/platform';
import type { PopulationRegistry } from '@posa/population';
import type { HouseholdServiceService } from '@posa/proto';
import type { PredecessorDistricts, Units } from '@posa/units';

export interface CasesDeps {
  pool: pg.Pool;
  /** Jurisdiction tree of the 2025 structure. */
  units: Units;
  /** 2024 districts that held a predecessor of each 2025 commune (decisions before 2025-07-01). */
  predecessors: PredecessorDistricts;
  /** The national population database (CSDL quốc gia về dân cư), or its simulator. */
  registry: PopulationRegistry;
  /** The household registry, called with the caller's own access token. */
  households: GrpcClient<HouseholdServiceService>;
  /** Today's date in Vietnam, YYYY-MM-DD (tests fix it). */
  today: () => string;
}
