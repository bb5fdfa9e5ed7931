/** The OpenAPI 3.1 document of /api/v1, built from the route table. */
import { apiRoutes, type ApiRoute } from './route-table';
import { schemas } from './schemas';

export const API_BASE = '/api/v1';

const STATUS_TEXT: Record<number, string> = {
  400: 'invalid argument (field names the parameter at fault)',
  401: 'no valid access token',
  403: 'refused: role or jurisdiction (message gives the reason), or CSRF token missing',
  404: 'not found',
  409: 'already exists or not possible in the current state',
  413: 'the uploaded file is larger than the limit',
  429: 'rate limit reached',
  503: 'a service is unavailable or did not answer in time',
};

/** `/units/:code` → `/units/{code}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]+)/g, '{$1}');
}

function operation(route: ApiRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    [String(route.success.status)]: {
      description: route.success.description,
      content: {
        [route.success.contentType ?? 'application/json']: {
          schema: { $ref: `#/components/schemas/${route.success.schema}` },
        },
      },
    },
  };
  for (const status of route.errors) {
    responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.authenticated ? {} : { security: [] }),
    parameters: route.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.in === 'path' ? true : (p.required ?? false),
      description: p.description,
      schema: p.schema,
    })),
    ...(route.requestBody
      ? {
          requestBody: {
            required: true,
            content: {
              [route.requestContentType ?? 'application/json']: {
                schema: { $ref: `#/components/schemas/${route.requestBody}` },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApi(routes: readonly ApiRoute[] = apiRoutes): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operation(route);
  }
  const errorResponses = Object.fromEntries(
    Object.entries(STATUS_TEXT).map(([status, description]) => [
      `E${status}`,
      {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'POSA API',
      version: '1.0.0',
      description:
        'REST/JSON access to POSA services. Authenticate with a Keycloak access token of realm posa ' +
        '(`Authorization: Bearer`), or with a console session (POST then also needs the `x-csrf-token` header). ' +
        'Unit codes are meaningful only with their structure: 2024 (with districts, until 30 Jun 2025) or 2025.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerAuth: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: { type: 'apiKey', in: 'cookie', name: 'posa.sid' },
      },
      schemas,
      responses: errorResponses,
    },
  };
}
