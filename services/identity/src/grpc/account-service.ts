/** The AccountService registration. */
import { service, type ServiceRegistration } from '@posa/platform';
import { AccountServiceService } from '@posa/proto';
import type { AccountDeps } from '../accounts/account-context';
import { accountReadHandlers } from './account-read-handlers';
import { accountWriteHandlers } from './account-write-handlers';
import { grantableRolesHandlers } from './grantable-roles-handler';

export function accountService(deps: AccountDeps): ServiceRegistration {
  return service(AccountServiceService, {
    ...accountWriteHandlers(deps),
    ...accountReadHandlers(deps),
    ...grantableRolesHandlers(deps),
  });
}
