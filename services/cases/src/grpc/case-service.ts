/**
 * CaseService: social-assistance cases from application to decision. Authorisation is in
 * case-access.ts; every write is one transaction (case-commit.ts) with its step and events.
 */
import { service, type ServiceRegistration } from '@posa/platform';
import { CaseServiceService } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { caseAppraisalHandlers } from './case-appraisal-handlers';
import { caseDecisionHandlers } from './case-decision-handlers';
import { caseReadHandlers } from './case-read-handlers';
import { caseStepHandlers } from './case-step-handlers';

export function caseService(deps: CasesDeps): ServiceRegistration {
  return service(CaseServiceService, {
    ...caseReadHandlers(deps),
    ...caseStepHandlers(deps),
    ...caseAppraisalHandlers(deps),
    ...caseDecisionHandlers(deps),
  });
}
