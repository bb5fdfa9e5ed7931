/** The UnitService registration: catalogue reads and villages. */
import { service, type ServiceRegistration } from '@posa/platform';
import { UnitServiceService } from '@posa/proto';
import { catalogueHandlers, type CatalogueDeps } from './catalogue-handlers';
import { villageHandlers, type VillageDeps } from './village-handlers';

export function unitService(deps: CatalogueDeps & VillageDeps): ServiceRegistration {
  return service(UnitServiceService, { ...catalogueHandlers(deps), ...villageHandlers(deps) });
}
