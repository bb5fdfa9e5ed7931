/**
 * OnlineApplicationService: the citizen online service (dịch vụ công trực tuyến). Submit and
 * Track are for the edge's service account acting for citizens; the rest is for staff.
 * Authorisation is in online-access.ts.
 */
import { service, type ServiceRegistration } from '@posa/platform';
import { OnlineApplicationServiceService } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { acceptHandler } from './online-accept';
import type { OnlineSettings } from './online-settings';
import { onlineStaffHandlers } from './online-staff-handlers';
import { submitHandler } from './online-submit';
import { trackHandler } from './online-track';

export function onlineApplicationService(
  deps: CasesDeps,
  settings: OnlineSettings,
): ServiceRegistration {
  return service(OnlineApplicationServiceService, {
    submitOnlineApplication: submitHandler(deps, settings),
    trackOnlineApplication: trackHandler(deps),
    acceptOnlineApplication: acceptHandler(deps),
    ...onlineStaffHandlers(deps),
  });
}
