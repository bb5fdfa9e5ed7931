export {
  createDevIdp,
  DEV_CLIENT_SECRETS,
  REALM,
  type DevIdp,
  type DevIdpOptions,
} from './dev-idp';
export type { AccountSource, DevAccount, PasswordCheck } from './account-source';
export { API_AUDIENCE, API_RESOURCE } from './claims';
export { loopbackUriAllowed } from './loopback';
