/**
 * The small part of oidc-provider's API this package uses (the package ships no types).
 * It is ESM-only and has no top-level await, so Node's own require (require(esm), Node
 * 20.19+) loads it; going through Node's require rather than the caller's also works under
 * jest, whose module loader cannot load ES modules, and under tsx.
 */
import type http from 'node:http';

export interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}

export interface InteractionDetails {
  uid: string;
  prompt: { name: string; reasons: string[] };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}

export interface OidcProvider {
  proxy: boolean;
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<InteractionDetails>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => OidcGrant;
  Client: { prototype: Record<string, unknown> };
  on(event: string, listener: (...args: unknown[]) => void): void;
}

export type OidcProviderClass = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProvider;

interface PromptPolicy {
  get(name: string): { checks: { add(check: unknown): void } } | undefined;
}

export interface OidcModule {
  default: OidcProviderClass;
  interactionPolicy: {
    base(): PromptPolicy;
    Check: new (
      reason: string,
      description: string,
      check: (ctx: PolicyContext) => boolean,
    ) => unknown;
  };
}

export interface PolicyContext {
  oidc: { session: { accountId?: string }; account?: unknown };
}

export function loadOidcProvider(): OidcModule {
  const nodeModule = process.getBuiltinModule('node:module');
  return nodeModule.createRequire(__filename)('oidc-provider') as OidcModule;
}

/**
 * The standard prompts, plus a login check: a session whose account findAccount no longer
 * returns (locked, or sessions revoked by identity) must sign in again.
 */
export function devInteractionPolicy(module: OidcModule): PromptPolicy {
  const policy = module.interactionPolicy.base();
  policy
    .get('login')!
    .checks.add(
      new module.interactionPolicy.Check(
        'account_unavailable',
        'the account of this session is locked or its sessions were revoked',
        (ctx) => ctx.oidc.session.accountId !== undefined && ctx.oidc.account === undefined,
      ),
    );
  return policy;
}

/**
 * oidc-provider checks that configuration objects are plain objects of its own realm. Under
 * jest the configuration is built in the test's realm; this copies objects and arrays into
 * the main realm (a function compiled there). In a plain Node process it is a deep copy.
 */
export function inMainRealm<T>(value: T): T {
  const vm = process.getBuiltinModule('node:vm');
  const copy = vm.runInThisContext(`(function copy(v) {
    if (Array.isArray(v)) return Array.from(v, copy);
    if (v !== null && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && proto.constructor && proto.constructor.name === 'Object') {
        const out = {};
        for (const key of Object.keys(v)) out[key] = copy(v[key]);
        return out;
      }
    }
    return v;
  })`) as (v: unknown) => unknown;
  return copy(value) as T;
}
