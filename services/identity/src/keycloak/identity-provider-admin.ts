/**
 * What identity needs from the identity provider that signs staff in. Two implementations:
 * `KeycloakAdmin` (the full stack, Keycloak's admin REST API) and `LocalCredentialStore`
 * (the embedded run: credentials kept in identity's own database).
 */

/** A user as the provider holds it; only what drift detection compares. */
export interface ProviderUser {
  subject: string;
  username: string;
  enabled: boolean;
  unitCode: string | null;
  /** POSA realm roles only, sorted. */
  roles: string[];
}

export interface NewProviderUser {
  username: string;
  firstName: string;
  lastName: string;
  unitCode: string;
  roles: readonly string[];
  enabled: boolean;
  password: string;
  /** True: the user must choose a new password at the next sign-in. */
  temporary: boolean;
}

export class ProviderConflictError extends Error {
  constructor(readonly username: string) {
    super('the identity provider already has a user with this username');
    this.name = 'ProviderConflictError';
  }
}

export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}

export interface IdentityProviderAdmin {
  /** Creates the user with its unit attribute, roles and password; returns its subject. */
  createUser(user: NewProviderUser): Promise<string>;
  /** Sets a password; `temporary` forces a change at the next sign-in. */
  setPassword(subject: string, password: string, temporary: boolean): Promise<void>;
  setEnabled(subject: string, enabled: boolean): Promise<void>;
  /** Ends every session and revokes every refresh and offline token of the user. */
  logoutAll(subject: string): Promise<void>;
  /** Makes the user's POSA roles exactly `roles` (other provider roles are left alone). */
  setRoles(subject: string, roles: readonly string[]): Promise<void>;
  /** The user, or null when the provider has none with this subject. */
  getUser(subject: string): Promise<ProviderUser | null>;
  /** Removes the user (compensation of a create that could not be recorded). */
  deleteUser(subject: string): Promise<void>;
}
