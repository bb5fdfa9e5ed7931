/**
 * ReviewRoundService: annual and monthly review rounds (rà soát hộ nghèo, hộ cận nghèo) of a
 * commune. Handlers are grouped by step; authorisation is in review-access.ts.
 */
import { service, type ServiceRegistration } from '@posa/platform';
import { ReviewRoundServiceService } from '@posa/proto';
import { reviewDecisionHandlers } from './review-decision-handlers';
import type { ReviewDeps } from './review-deps';
import { reviewOpenHandlers } from './review-open-handlers';
import { reviewReadHandlers } from './review-read-handlers';
import { reviewRequestHandlers } from './review-request-handlers';
import { reviewStepHandlers } from './review-step-handlers';

export type { ReviewDeps } from './review-deps';

export function reviewRoundService(deps: ReviewDeps): ServiceRegistration {
  return service(ReviewRoundServiceService, {
    ...reviewOpenHandlers(deps),
    ...reviewReadHandlers(deps),
    ...reviewRequestHandlers(deps),
    ...reviewStepHandlers(deps),
    ...reviewDecisionHandlers(deps),
  });
}
