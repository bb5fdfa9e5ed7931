/**
 * The situations a citizen may suggest on the application form: the allowance categories
 * (diện hưởng) and the care-support types of the policy catalogue in force, read with the
 * edge's service account and kept for ten minutes (the catalogue changes from dates set in
 * advance, never within minutes).
 */
import { createGrpcClient, type GrpcClient, type Metrics } from '@posa/platform';
import { PolicyCatalogueServiceClient, type PolicyCatalogueServiceService } from '@posa/proto';
import type { KindName } from '../forms/citizen-input';
import type { CategoryHints } from '../routes/citizen-portal';
import { serviceCallOptions, type ServiceTokens } from './service-caller';

const KEEP_MS = 10 * 60 * 1000;

export interface CategoryOption {
  code: string;
  name: string;
}

export class CatalogueCategoryHints implements CategoryHints {
  private cached: { at: number; byKind: Record<KindName, CategoryOption[]> } | undefined;

  constructor(
    private readonly client: GrpcClient<PolicyCatalogueServiceService>,
    private readonly tokens: ServiceTokens,
    private readonly deadlineMs: number,
  ) {}

  async list(kind: KindName): Promise<CategoryOption[]> {
    if (this.cached === undefined || Date.now() - this.cached.at > KEEP_MS) {
      const options = await serviceCallOptions(this.tokens, this.deadlineMs, undefined, true);
      const catalogue = await this.client.call('getCatalogue', { includeHistory: false }, options);
      this.cached = {
        at: Date.now(),
        byKind: {
          monthly_allowance: catalogue.categories.map((c) => ({ code: c.code, name: c.nameVi })),
          care_support: catalogue.careSupportTypes.map((c) => ({ code: c.code, name: c.nameVi })),
        },
      };
    }
    return this.cached.byKind[kind];
  }

  close(): void {
    this.client.close();
  }
}

export function createCategoryHints(
  address: string,
  tokens: ServiceTokens,
  deadlineMs: number,
  metrics?: Metrics,
): CatalogueCategoryHints {
  return new CatalogueCategoryHints(
    createGrpcClient(PolicyCatalogueServiceClient, address, {
      defaultDeadlineMs: deadlineMs,
      metrics,
    }),
    tokens,
    deadlineMs,
  );
}
