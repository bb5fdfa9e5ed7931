/**
 * The sign-in interaction: GET shows the form, POST checks the password against identity's
 * credential store and finishes the interaction with a grant for the POSA API. A correct
 * temporary password leads to the "set a new password" page instead (password-change.ts),
 * whose POST finishes the sign-in. The interaction is bound to oidc-provider's signed
 * interaction cookie (a forged POST from another site has no such cookie and fails); POSTs
 * from another origin are refused first.
 */
import type http from 'node:http';
import type { Logger } from '@posa/platform';
import type { AccountSource } from './account-source';
import { API_RESOURCE, API_SCOPE } from './claims';
import type { OidcProvider } from './oidc-types';
import { chooseLang, loginPage, newPasswordPage, type Lang, type MessageKey } from './pages';
import { applyNewPassword, type PendingChanges } from './password-change';
import type { PasswordFailure } from './password-policy';
import type { LoginEpochs } from './provider-config';

const MAX_BODY = 8 * 1024;

export interface InteractionDeps {
  provider: OidcProvider;
  accounts: AccountSource;
  loginEpochs: LoginEpochs;
  pendingChanges: PendingChanges;
  prefix: string;
  origin: string;
  logger: Logger;
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('form too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

/** Grants openid + profile and the API scope to the client; remembers the session epoch. */
async function grantFor(
  deps: InteractionDeps,
  accountId: string,
  clientId: string,
  sessionEpoch: number,
): Promise<string> {
  const grant = new deps.provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid profile offline_access');
  grant.addResourceScope(API_RESOURCE, API_SCOPE);
  const grantId = await grant.save();
  deps.loginEpochs.set(grantId, sessionEpoch);
  return grantId;
}

/** Ends the interaction signed in, with a grant remembered under the account's epoch. */
async function finishSignIn(
  deps: InteractionDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  subject: string,
  clientId: string,
  sessionEpoch: number,
): Promise<void> {
  const grantId = await grantFor(deps, subject, clientId, sessionEpoch);
  deps.logger.info({ subject, clientId }, 'signed in');
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId: subject, amr: ['pwd'] }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

export async function handleInteraction(
  deps: InteractionDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  uid: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', deps.origin);
  const details = await deps.provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    send(res, 400, 'interaction mismatch');
    return;
  }
  const clientId = String(details.params.client_id ?? '');
  const action = `${deps.prefix}/interaction/${uid}`;
  const cssHref = `${deps.prefix}/devidp.css`;
  const hintLang = chooseLang(
    url.searchParams.get('lang') ?? undefined,
    typeof details.params.ui_locales === 'string' ? details.params.ui_locales : undefined,
  );
  const render = (lang: Lang, status: number, message?: MessageKey, username?: string) =>
    send(
      res,
      status,
      loginPage({
        lang,
        action,
        cssHref,
        switchHref: `${action}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
        message,
        username,
      }),
    );
  const renderNewPassword = (
    lang: Lang,
    status: number,
    username: string,
    failures?: PasswordFailure[],
  ) =>
    send(
      res,
      status,
      newPasswordPage({
        lang,
        action,
        cssHref,
        switchHref: `${action}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
        username,
        failures,
      }),
    );

  // Signed in already (another client of the same session): grant without asking again.
  if (details.prompt.name === 'consent' && details.session?.accountId !== undefined) {
    const account = await deps.accounts.account(details.session.accountId);
    if (account === null || !account.active) {
      await deps.provider.interactionFinished(req, res, { error: 'login_required' });
      return;
    }
    const grantId = await grantFor(deps, account.subject, clientId, account.sessionEpoch);
    await deps.provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }

  if (req.method === 'GET') {
    const pending = deps.pendingChanges.get(uid);
    if (pending !== undefined) renderNewPassword(hintLang, 200, pending.username);
    else render(hintLang, 200);
    return;
  }
  if (req.method !== 'POST') {
    send(res, 405, 'method not allowed');
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== deps.origin) {
    send(res, 403, 'cross-origin form refused');
    return;
  }
  const form = await readForm(req);
  const lang = chooseLang(form.get('lang') ?? undefined);
  if (form.get('action') === 'abort') {
    deps.pendingChanges.delete(uid);
    await deps.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'sign-in cancelled',
    });
    return;
  }
  if (form.get('action') === 'change') {
    const pending = deps.pendingChanges.get(uid);
    if (pending === undefined) {
      render(lang, 400, 'expired');
      return;
    }
    const outcome = await applyNewPassword(
      deps.accounts,
      pending,
      form.get('new_password') ?? '',
      form.get('confirm_password') ?? '',
    );
    if (!outcome.ok && 'failures' in outcome) {
      deps.logger.info(
        { subject: pending.subject, outcome: outcome.failures },
        'new password refused',
      );
      renderNewPassword(lang, 400, pending.username, outcome.failures);
      return;
    }
    deps.pendingChanges.delete(uid);
    if (!outcome.ok) {
      deps.logger.info({ subject: pending.subject, outcome: outcome.restart }, 'sign-in refused');
      render(lang, 401, outcome.restart, pending.username);
      return;
    }
    deps.logger.info({ subject: pending.subject }, 'temporary password replaced');
    await finishSignIn(deps, req, res, pending.subject, clientId, outcome.sessionEpoch);
    return;
  }
  const username = (form.get('username') ?? '').trim().toLowerCase();
  const password = form.get('password') ?? '';
  if (username === '' || password === '') {
    render(lang, 400, 'missing', username);
    return;
  }
  const check = await deps.accounts.checkPassword(username, password);
  if (!check.ok) {
    deps.logger.info({ outcome: check.reason }, 'sign-in refused');
    render(lang, 401, check.reason === 'disabled' ? 'disabled' : 'wrong', username);
    return;
  }
  const account = await deps.accounts.account(check.subject);
  if (account === null || !account.active) {
    deps.logger.info({ subject: check.subject, outcome: 'inactive' }, 'sign-in refused');
    render(lang, 401, 'disabled', username);
    return;
  }
  if (check.passwordChangeRequired) {
    deps.pendingChanges.put(uid, {
      subject: check.subject,
      username,
      sessionEpoch: check.sessionEpoch,
      replace: check.replaceTemporaryPassword,
    });
    deps.logger.info({ subject: check.subject }, 'temporary password: new one asked');
    renderNewPassword(lang, 200, username);
    return;
  }
  await finishSignIn(deps, req, res, account.subject, clientId, check.sessionEpoch);
}
