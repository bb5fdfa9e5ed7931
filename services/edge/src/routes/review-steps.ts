/**
 * The step forms of a review round (CSRF; post/redirect/get back to the round):
 *   POST /review-rounds/:id/households        AddHouseholdToRound (code or id, reason)
 *   POST /review-rounds/:id/assessments       RecordAssessment (income, indicators checked)
 *   POST /review-rounds/:id/meetings          RecordVillageMeeting
 *   POST /review-rounds/:id/posting           RecordPublicPosting
 *   POST /review-rounds/:id/district-opinion  RecordDistrictOpinion
 *   POST /review-rounds/:id/recognition       RecognizeRound (then locked)
 * A refusal shows the round again with the reason next to the field the service named.
 */
import { Router, type Request, type Response } from 'express';
import { callerOf } from '../http/auth';
import { HOUSEHOLD_PAGE_ROLES } from '../http/household-roles';
import type { Flash } from '../http/session';
import { requireRole } from '../http/page-roles';
import { idParam } from '../forms/household-params';
import {
  addHouseholdInput,
  assessmentInput,
  formFields,
  meetingInput,
  opinionInput,
  postingInput,
  recognitionInput,
  text,
  type Fields,
} from '../forms/review-input';
import type { ReviewStep } from '../forms/review-next-steps';
import type { Caller } from '../gateways/unit-gateway';
import { reviewRoundPage } from '../views/review-round-page';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';
import { householdIdOf, roundModel, stepRefusal, type ReviewPageDeps } from './review-support';

export interface ReviewStepRouteDeps extends ReviewPageDeps {
  csrf: Csrf;
}

/** A step's call; a message other than "recorded" comes back as the flash. */
type Run = (caller: Caller, roundId: string, f: Fields, req: Request) => Promise<Flash | void>;

/** The posted values as typed (kept for the form shown again after a refusal). */
function valuesOf(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v.slice(0, 1000);
    else if (Array.isArray(v))
      out[k] = v.filter((x): x is string => typeof x === 'string').slice(0, 50);
  }
  return out;
}

export function reviewStepRoutes(deps: ReviewStepRouteDeps): Router {
  const router = Router();
  router.use('/review-rounds/:id', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const step = (path: string, name: ReviewStep, run: Run): void => {
    router.post(
      `/review-rounds/:id/${path}`,
      deps.csrf.csrfSynchronisedProtection,
      async (req: Request, res: Response) => {
        const ctx = pageContext(req, deps.csrf);
        const id = idParam(req.params['id'], 'id');
        try {
          const flash = await run(callerOf(req), id, formFields(req), req);
          req.session.flash = flash ?? { message: 'rv.flash.saved' };
          res.redirect(303, `/review-rounds/${id}`);
        } catch (err) {
          const refused = stepRefusal(ctx, err);
          if (refused === undefined) throw err;
          const model = await roundModel(deps, req, id, false);
          const refusedState = { step: name, state: refused.form, values: valuesOf(req) };
          // Show the refused form even when the step is no longer offered (e.g. a stale page).
          const steps = new Set(model.steps).add(name);
          sendPage(
            res,
            refused.status,
            reviewRoundPage(ctx, { ...model, steps, refused: refusedState }),
          );
        }
      },
    );
  };

  step('households', 'add', async (caller, roundId, f, req) => {
    const householdId = await householdIdOf(deps.households, req, text(f, 'household_id', 40));
    const withId: Fields = (n) => (n === 'household_id' ? householdId : f(n));
    await deps.reviews.addHousehold(caller, addHouseholdInput(roundId, withId));
  });
  step('assessments', 'assess', async (caller, roundId, f) => {
    await deps.reviews.recordAssessment(caller, assessmentInput(roundId, f));
  });
  step('meetings', 'meeting', async (caller, roundId, f) => {
    await deps.reviews.recordMeeting(caller, meetingInput(roundId, f));
  });
  step('posting', 'posting', async (caller, roundId, f) => {
    await deps.reviews.recordPosting(caller, postingInput(roundId, f));
  });
  step('district-opinion', 'opinion', async (caller, roundId, f) => {
    await deps.reviews.recordDistrictOpinion(caller, opinionInput(roundId, f));
  });
  step('recognition', 'recognize', async (caller, roundId, f) => {
    const done = await deps.reviews.recognize(caller, recognitionInput(roundId, f));
    return { message: 'rv.flash.recognized', params: { n: String(done.classifiedCount) } };
  });

  return router;
}
