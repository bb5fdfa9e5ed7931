/**
 * Which steps of a review round the console offers a user: only the next allowed ones, and
 * only to the roles that take them (DOMAIN-FACTS (d): list → assess → village meeting →
 * public posting → [district opinion] → decision, then locked). The service decides every
 * step again; this only keeps the page to what can succeed.
 */
import type { MeetingJson, RoundHouseholdJson, RoundJson } from '../api/review-json';

export type ReviewStep = 'add' | 'assess' | 'meeting' | 'posting' | 'opinion' | 'recognize';

export interface StepUser {
  unitCode: string;
  roles: ReadonlySet<string>;
}

/** Villages of the listed households that have no agreed meeting yet. */
export function villagesWithoutMeeting(
  households: readonly RoundHouseholdJson[],
  meetings: readonly MeetingJson[],
): string[] {
  const met = new Set(meetings.map((m) => m.villageCode));
  const villages = new Set<string>();
  for (const h of households)
    if (h.villageCode !== null && !met.has(h.villageCode)) villages.add(h.villageCode);
  return [...villages].sort();
}

export function nextSteps(
  round: RoundJson,
  households: readonly RoundHouseholdJson[],
  meetings: readonly MeetingJson[],
  user: StepUser | undefined,
): Set<ReviewStep> {
  const steps = new Set<ReviewStep>();
  if (user === undefined) return steps;
  const ofCommune = user.unitCode === round.communeCode;
  const officer = ofCommune && user.roles.has('officer');
  const approver = user.roles.has('approver');
  if (round.status === 'open' && officer) {
    steps.add('add');
    if (households.length > 0) steps.add('assess');
    const allAssessed = households.length > 0 && households.every((h) => h.assessment !== null);
    const missing = villagesWithoutMeeting(households, meetings);
    if (allAssessed && missing.length > 0) steps.add('meeting');
    if (allAssessed && missing.length === 0) steps.add('posting');
  }
  if (round.status === 'posted') {
    const opinionDue = round.needsDistrictOpinion && round.districtOpinion === null;
    // A district of the 2024 structure (3 digits) gives the opinion; the service checks
    // that it held one of the commune's predecessors.
    if (opinionDue && approver && /^[0-9]{3}$/.test(user.unitCode)) steps.add('opinion');
    if (!opinionDue && approver && ofCommune) steps.add('recognize');
  }
  return steps;
}
