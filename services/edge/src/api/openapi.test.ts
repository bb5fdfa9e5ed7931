import type { Router } from 'express';
import { createLogger } from '@posa/platform';
import { createCsrf } from '../http/csrf';
import type { AccountGateway } from '../gateways/account-gateway';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { CaseGateway } from '../gateways/case-gateway';
import type { ComplaintGateway } from '../gateways/complaint-gateway';
import type { PaymentGateway } from '../gateways/payment-gateway';
import type { OnlineApplicationGateway } from '../gateways/online-application-gateway';
import type { ImportGateway } from '../gateways/import-gateway';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import type { ReviewGateway } from '../gateways/review-gateway';
import type { UnitGateway } from '../gateways/unit-gateway';
import { buildOpenApi, openApiPath } from './openapi';
import { apiRouter } from './router';
import { schemas } from './schemas';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** "get /units/{code}" for every route the router really registered. */
function registeredRoutes(router: Router): string[] {
  const out: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on) out.push(`${method} ${openApiPath(layer.route.path)}`);
    }
  }
  return out.sort();
}

function documentedRoutes(doc: Record<string, unknown>): string[] {
  const paths = doc['paths'] as Record<string, Record<string, unknown>>;
  return Object.entries(paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
    .sort();
}

describe('OpenAPI document', () => {
  // The router is only built, never called: no gateway is needed.
  const router = apiRouter({
    units: {} as UnitGateway,
    accounts: {} as AccountGateway,
    households: {} as HouseholdGateway,
    imports: {} as ImportGateway,
    importLimits: { maxBytes: 1, deadlineMs: 1 },
    reviews: {} as ReviewGateway,
    registryQuality: {} as RegistryQualityGateway,
    cases: {} as CaseGateway,
    onlineApplications: {} as OnlineApplicationGateway,
    complaints: {} as ComplaintGateway,
    payments: {} as PaymentGateway,
    csrf: createCsrf(),
    logger: createLogger({ service: 'edge', level: 'silent' }),
  });
  const doc = buildOpenApi();

  it('describes exactly the routes the API router registers', () => {
    const registered = registeredRoutes(router);
    expect(registered.length).toBeGreaterThanOrEqual(9);
    expect(documentedRoutes(doc)).toEqual(registered);
  });

  it('is OpenAPI 3.1 and every $ref points at a defined component', () => {
    expect(doc['openapi']).toBe('3.1.0');
    const components = doc['components'] as Record<string, Record<string, unknown>>;
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [, , kind, name] = ref.slice(8, -1).split('/');
      expect(components[kind as string]?.[name as string]).toBeDefined();
    }
  });

  it('declares every path parameter of each route and the error schema on every error response', () => {
    const paths = doc['paths'] as Record<
      string,
      Record<
        string,
        { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }
      >
    >;
    for (const [path, ops] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/\{([a-zA-Z_]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            expect(response).toEqual({ $ref: `#/components/responses/E${status}` });
        }
      }
    }
    expect(schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });
});
