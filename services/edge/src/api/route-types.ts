/** The shape of one API route: the router and the OpenAPI document are both built from it. */
import type { Request } from 'express';
import type { AccountGateway } from '../gateways/account-gateway';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { CaseGateway } from '../gateways/case-gateway';
import type { PaymentGateway } from '../gateways/payment-gateway';
import type { ComplaintGateway } from '../gateways/complaint-gateway';
import type { OnlineApplicationGateway } from '../gateways/online-application-gateway';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import type { ImportGateway, UploadLimits } from '../gateways/import-gateway';
import type { ReviewGateway } from '../gateways/review-gateway';
import type { UnitGateway } from '../gateways/unit-gateway';
import type { SchemaName } from './schemas';

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

export interface ApiRoute {
  method: 'get' | 'post';
  /** Express path below /api/v1, e.g. /units/:code. */
  path: string;
  operationId: string;
  summary: string;
  parameters: ParameterSpec[];
  requestBody?: SchemaName;
  /** Media type of the request body (default application/json), e.g. a file upload. */
  requestContentType?: string;
  /** Success status and body schema. */
  success: { status: number; schema: SchemaName; description: string; contentType?: string };
  /** Error statuses this route may answer (all with the Error body). */
  errors: number[];
  /** False for public routes (the OpenAPI document). */
  authenticated: boolean;
  handler: (req: Request, deps: ApiDeps) => Promise<unknown>;
}

export interface ApiDeps {
  units: UnitGateway;
  accounts: AccountGateway;
  households: HouseholdGateway;
  imports: ImportGateway;
  importLimits: UploadLimits;
  reviews: ReviewGateway;
  registryQuality: RegistryQualityGateway;
  cases: CaseGateway;
  onlineApplications: OnlineApplicationGateway;
  complaints: ComplaintGateway;
  payments: PaymentGateway;
  openApi: () => unknown;
}
