/**
 * Composition root of the edge: Redis (when configured), sessions, keycloak-connect, the
 * identity gateways (units, accounts, audit), the console pages, the REST API, readiness and metrics. Tests start it
 * in process on port 0 and stop it; main.ts adds signals and telemetry.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Store } from 'express-session';
import KeycloakConnect from 'keycloak-connect';
import { createClient, type RedisClientType } from 'redis';
import {
  httpMetricsMiddleware,
  Metrics,
  Readiness,
  startOpsServer,
  type Logger,
  type OpsServer,
} from '@posa/platform';
import { apiRouter } from './api/router';
import { sessionStoreKind, type EdgeConfig } from './config';
import { createAccountGateway } from './gateways/account-gateway';
import { createHouseholdGateway } from './gateways/household-gateway';
import { createCaseGateway } from './gateways/case-gateway';
import { createPaymentGateway } from './gateways/payment-gateway';
import { ServiceTokenSource } from '@posa/auth';
import { createCategoryHints } from './gateways/category-hints';
import { createComplaintGateway } from './gateways/complaint-gateway';
import { createOnlineApplicationGateway } from './gateways/online-application-gateway';
import { citizenLimits } from './http/citizen-limits';
import { PublicCsrf } from './http/public-csrf';
import { citizenComplaintRoutes } from './routes/citizen-complaints';
import { citizenPortalRoutes } from './routes/citizen-portal';
import { complaintRoutes } from './routes/complaints';
import { onlineApplicationRoutes } from './routes/online-applications';
import { createImportGateway } from './gateways/import-gateway';
import { createReviewGateway } from './gateways/review-gateway';
import { createRegistryQualityGateway } from './gateways/registry-quality-gateway';
import { createIdentityHealthProbe } from './gateways/identity-health';
import { createUnitGateway } from './gateways/unit-gateway';
import { grantAttacher } from './http/auth';
import { createCsrf } from './http/csrf';
import { notFoundHandler, pageErrorHandler } from './http/page-errors';
import { limiter } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security';
import { createSessionStore, sessionMiddleware } from './http/session';
import { accountActionRoutes } from './routes/account-actions';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth-routes';
import { compromisedRoutes } from './routes/compromised';
import { homeRoutes } from './routes/home';
import { householdDetailRoutes } from './routes/household-detail';
import { householdMovesRoutes } from './routes/household-moves';
import { memberVerificationRoutes } from './routes/member-verification';
import { duplicateRoutes } from './routes/duplicates';
import { sampleRoutes } from './routes/samples';
import { householdSearchRoutes } from './routes/household-search';
import { householdRoutes } from './routes/households';
import { povertyStandardRoutes } from './routes/poverty-standards';
import { caseActionRoutes } from './routes/case-actions';
import { caseDetailRoutes } from './routes/case-detail';
import { caseListRoutes } from './routes/case-list';
import { caseNewRoutes } from './routes/case-new';
import { casePolicyRoutes } from './routes/case-policies';
import { paymentDetailRoutes } from './routes/payment-detail';
import { paymentFileRoutes } from './routes/payment-files';
import { paymentListRoutes } from './routes/payment-list';
import { paymentReconciliationRoutes } from './routes/payment-reconciliation';
import { importRoutes } from './routes/imports';
import { reviewRequestRoutes } from './routes/review-requests';
import { reviewRoundRoutes } from './routes/review-rounds';
import { reviewStepRoutes } from './routes/review-steps';
import { langRoutes } from './routes/lang';
import { opsRoutes } from './routes/ops';
import { unitRoutes } from './routes/units';
import { villageRoutes } from './routes/villages';

export const PUBLIC_DIR = path.join(__dirname, '..', 'public');

export interface EdgeAddresses {
  httpPort: number;
  metricsPort: number;
}

export interface EdgeApp {
  start(): Promise<EdgeAddresses>;
  /** Readiness off, HTTP drained (connections closed after graceMs), clients closed. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function createApp(config: EdgeConfig, logger: Logger): EdgeApp {
  const metrics = new Metrics();
  const readiness = new Readiness();
  const units = createUnitGateway(config.IDENTITY_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  const accounts = createAccountGateway(config.IDENTITY_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  const households = createHouseholdGateway(
    config.HOUSEHOLDS_ADDRESS,
    config.GRPC_DEADLINE_MS,
    metrics,
  );
  const cases = createCaseGateway(config.CASES_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  const payments = createPaymentGateway(config.PAYMENTS_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  // Signs the public forms' CSRF tokens (like the session cookie: random per process when unset).
  const publicCsrfSecret = config.SESSION_SECRET ?? randomBytes(32).toString('hex');
  // Citizens have no account: their calls carry the edge's service-account token.
  const serviceTokens = new ServiceTokenSource({
    baseUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    clientId: config.SERVICE_CLIENT_ID,
    clientSecret: config.SERVICE_CLIENT_SECRET,
  });
  const onlineApplications = createOnlineApplicationGateway(
    config.CASES_ADDRESS,
    serviceTokens,
    config.GRPC_DEADLINE_MS,
    metrics,
  );
  const complaints = createComplaintGateway(
    config.CASES_ADDRESS,
    serviceTokens,
    config.GRPC_DEADLINE_MS,
    metrics,
  );
  const categoryHints = createCategoryHints(
    config.CASES_ADDRESS,
    serviceTokens,
    config.GRPC_DEADLINE_MS,
    metrics,
  );
  const imports = createImportGateway(config.HOUSEHOLDS_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  const importLimits = { maxBytes: config.IMPORT_MAX_BYTES, deadlineMs: config.IMPORT_DEADLINE_MS };
  const reviews = createReviewGateway(config.HOUSEHOLDS_ADDRESS, config.GRPC_DEADLINE_MS, metrics);
  const registryQuality = createRegistryQualityGateway(
    config.HOUSEHOLDS_ADDRESS,
    config.GRPC_DEADLINE_MS,
    metrics,
  );
  const identityHealth = createIdentityHealthProbe(config.IDENTITY_ADDRESS, 1000);
  readiness.addCheck('identity', () => identityHealth.check(), { timeoutMs: 1500 });
  let redis: RedisClientType | undefined;
  let store: Store | undefined;
  let server: http.Server | undefined;
  let ops: OpsServer | undefined;
  let stopping: Promise<void> | undefined;

  const buildExpress = (sessionStore: Store): express.Express => {
    const keycloakOrigin = new URL(config.KEYCLOAK_URL).origin;
    const keycloak = new KeycloakConnect({ store: sessionStore }, {
      realm: config.KEYCLOAK_REALM,
      'auth-server-url': config.KEYCLOAK_URL,
      resource: config.KEYCLOAK_CLIENT_ID,
      credentials: { secret: config.KEYCLOAK_CLIENT_SECRET },
      'ssl-required': 'external',
      'confidential-port': 0,
    } as KeycloakConnect.KeycloakConfig);
    const csrf = createCsrf();
    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', config.TRUST_PROXY);
    app.use(httpMetricsMiddleware(metrics));
    app.use(requestLog(logger));
    app.use(securityHeaders({ keycloakOrigin, tls: config.COOKIE_SECURE }));
    app.use(opsRoutes(readiness));
    app.use(
      '/static',
      express.static(PUBLIC_DIR, { index: false, maxAge: '1h', fallthrough: false }),
    );
    app.use(
      limiter({
        name: 'all',
        perMinute: config.RATE_LIMIT_PER_MINUTE,
        redis,
        keyPrefix: config.REDIS_KEY_PREFIX,
      }),
    );
    // Public citizen pages and API: own rate limits, signed CSRF cookie, no session.
    const publicLimits = citizenLimits({
      perMinute: config.CITIZEN_RATE_LIMIT_PER_MINUTE,
      postsPerMinute: config.CITIZEN_POST_RATE_LIMIT_PER_MINUTE,
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
    });
    const publicCsrf = new PublicCsrf(publicCsrfSecret, config.COOKIE_SECURE);
    app.use(['/dich-vu-cong', '/api/v1/public'], publicLimits);
    app.use(
      citizenPortalRoutes({
        applications: onlineApplications,
        csrf: publicCsrf,
        categories: categoryHints,
      }),
    );
    app.use(citizenComplaintRoutes({ complaints, csrf: publicCsrf }));
    app.use(
      sessionMiddleware(sessionStore, {
        secret: config.SESSION_SECRET,
        maxAgeMs: config.SESSION_MAX_AGE_MS,
        secureCookie: config.COOKIE_SECURE,
      }),
    );
    app.use(grantAttacher(keycloak));
    app.use(
      '/api/v1',
      apiRouter({
        units,
        accounts,
        households,
        imports,
        importLimits,
        reviews,
        registryQuality,
        cases,
        onlineApplications,
        complaints,
        payments,
        csrf,
        logger,
      }),
    );
    // The create-household form carries six fields per member (up to 50 members).
    app.use(
      '/households',
      express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 400 }),
    );
    // The field check of a sampled household carries one answer per field and member.
    app.use(
      '/samples',
      express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 600 }),
    );
    // The application and appraisal forms carry one checkbox per category of the catalogue.
    app.use('/cases', express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 120 }));
    app.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }));
    const signInLimiter = limiter({
      name: 'signin',
      perMinute: config.SIGNIN_RATE_LIMIT_PER_MINUTE,
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
    });
    app.use(authRoutes({ keycloak, csrf, signInLimiter, publicUrl: config.PUBLIC_URL, logger }));
    app.use(langRoutes({ secureCookie: config.COOKIE_SECURE }));
    app.use(homeRoutes({ units, csrf }));
    app.use(unitRoutes({ units, csrf }));
    app.use(villageRoutes({ units, csrf }));
    app.use(accountRoutes({ units, accounts, csrf }));
    app.use(accountActionRoutes({ units, accounts, csrf }));
    app.use(compromisedRoutes({ accounts, csrf, logger }));
    app.use(auditRoutes({ accounts, csrf }));
    // List and create first, then search, then /households/:id (which would match both).
    app.use(householdRoutes({ households, csrf }));
    app.use(householdSearchRoutes({ households, csrf }));
    app.use(householdDetailRoutes({ households, csrf }));
    app.use(householdMovesRoutes({ households, registryQuality, csrf }));
    app.use(memberVerificationRoutes({ households, registryQuality, csrf }));
    app.use(duplicateRoutes({ registryQuality, csrf }));
    app.use(sampleRoutes({ households, registryQuality, csrf }));
    app.use(povertyStandardRoutes({ households, csrf }));
    // The case list and the application form first, then /cases/:id (which would match both).
    app.use(caseListRoutes({ cases, csrf }));
    app.use(caseNewRoutes({ cases, households, csrf }));
    app.use(caseDetailRoutes({ cases, csrf }));
    app.use(caseActionRoutes({ cases, csrf }));
    app.use(casePolicyRoutes({ cases, csrf }));
    app.use(onlineApplicationRoutes({ applications: onlineApplications, households, csrf }));
    app.use(complaintRoutes({ complaints, csrf }));
    // The result-file upload is multipart (read by its route); the list before /payrolls/:id.
    const paymentDeps = { payments, units, csrf, uploadLimits: importLimits };
    app.use(paymentFileRoutes(paymentDeps));
    app.use(paymentListRoutes(paymentDeps));
    app.use(paymentDetailRoutes(paymentDeps));
    app.use(paymentReconciliationRoutes(paymentDeps));
    app.use(importRoutes({ imports, importLimits, csrf, logger }));
    app.use(reviewRequestRoutes({ reviews, households, csrf }));
    app.use(reviewRoundRoutes({ reviews, households, csrf }));
    app.use(reviewStepRoutes({ reviews, households, csrf }));
    app.use(notFoundHandler(csrf));
    app.use(pageErrorHandler(csrf, logger));
    return app;
  };

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (server) await closeServer(server, graceMs);
      if (ops) await ops.close();
      units.close();
      accounts.close();
      households.close();
      cases.close();
      payments.close();
      onlineApplications.close();
      complaints.close();
      categoryHints.close();
      imports.close();
      reviews.close();
      registryQuality.close();
      identityHealth.close();
      (store as { stopInterval?: () => void } | undefined)?.stopInterval?.();
      if (redis?.isOpen) await redis.quit();
    })();
    return stopping;
  };

  const start = async (): Promise<EdgeAddresses> => {
    try {
      if (config.REDIS_URL !== undefined) {
        const client: RedisClientType = createClient({ url: config.REDIS_URL });
        client.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
        await client.connect();
        redis = client;
        readiness.addCheck('redis', () => client.ping(), { timeoutMs: 1000 });
      }
      const kind = sessionStoreKind(config);
      store = createSessionStore(
        kind === 'redis' ? redis : undefined,
        config.SESSION_MAX_AGE_MS,
        config.REDIS_KEY_PREFIX,
      );
      if (config.SESSION_SECRET === undefined)
        logger.warn('SESSION_SECRET unset: sessions end when this process stops');
      server = http.createServer(buildExpress(store));
      server.headersTimeout = 20_000;
      server.requestTimeout = config.REQUEST_TIMEOUT_MS;
      const httpPort = await listen(server, config.HTTP_PORT, config.LISTEN_HOST);
      ops = await startOpsServer({
        host: config.LISTEN_HOST,
        healthPort: config.METRICS_PORT,
        metricsPort: config.METRICS_PORT,
        readiness,
        metrics,
        logger,
      });
      logger.info({ httpPort, metricsPort: ops.metricsPort, sessionStore: kind }, 'edge started');
      return { httpPort, metricsPort: ops.metricsPort };
    } catch (err) {
      await stop(0);
      throw err;
    }
  };

  return { start, stop };
}
