import type { RoundHouseholdJson, RoundJson } from '../api/review-json';
import { nextSteps, villagesWithoutMeeting } from './review-next-steps';

const round = (over: Partial<RoundJson> = {}): RoundJson => ({
  id: 'r',
  communeCode: '00004',
  provinceCode: '01',
  year: 2026,
  kind: 'periodic',
  startedOn: '2026-09-14',
  deadline: null,
  overdue: false,
  standardCode: '2022-2025',
  procedureCode: 'two-tier-2025',
  needsDistrictOpinion: false,
  status: 'open',
  householdCount: 2,
  assessedCount: 0,
  postedFrom: null,
  postedTo: null,
  districtOpinion: null,
  decision: null,
  ...over,
});
const listed = (village: string, assessed: boolean): RoundHouseholdJson => ({
  householdId: village + String(assessed),
  householdCode: 'c',
  villageCode: village,
  source: 'current_list',
  reason: '',
  previousClassification: 'poor',
  assessment: assessed
    ? {
        incomePerPerson: '1',
        deprivedIndicatorCodes: [],
        classification: 'poor',
        rule: '',
        standardCode: '',
      }
    : null,
});
const user = (unitCode: string, ...roles: string[]) => ({ unitCode, roles: new Set(roles) });
const steps = (...args: Parameters<typeof nextSteps>) => [...nextSteps(...args)].sort();

describe('next steps of a review round', () => {
  it('lets the commune officer add and assess until every household is assessed', () => {
    const hh = [listed('A', true), listed('B', false)];
    expect(steps(round(), hh, [], user('00004', 'officer'))).toEqual(['add', 'assess']);
  });

  it('asks for a meeting per village, then the posting', () => {
    const hh = [listed('A', true), listed('B', true)];
    const officer = user('00004', 'officer');
    expect(
      villagesWithoutMeeting(hh, [
        { villageCode: 'A', heldOn: null, attendees: 1, agreedCount: 1 },
      ]),
    ).toEqual(['B']);
    expect(steps(round(), hh, [], officer)).toEqual(['add', 'assess', 'meeting']);
    const met = ['A', 'B'].map((v) => ({
      villageCode: v,
      heldOn: null,
      attendees: 2,
      agreedCount: 1,
    }));
    expect(steps(round(), hh, met, officer)).toEqual(['add', 'assess', 'posting']);
  });

  it('offers nothing to an officer of another commune, an analyst, or on a locked round', () => {
    const hh = [listed('A', false)];
    expect(steps(round(), hh, [], user('00008', 'officer'))).toEqual([]);
    expect(steps(round(), hh, [], user('00004', 'analyst'))).toEqual([]);
    expect(
      steps(round({ status: 'recognized' }), hh, [], user('00004', 'officer', 'approver')),
    ).toEqual([]);
    expect(steps(round(), hh, [], undefined)).toEqual([]);
  });

  it('has the commune approver recognise a posted round, after the district opinion when one is due', () => {
    const posted = round({ status: 'posted' });
    expect(steps(posted, [], [], user('00004', 'approver'))).toEqual(['recognize']);
    expect(steps(posted, [], [], user('00004', 'officer'))).toEqual([]);
    const old = round({ status: 'posted', needsDistrictOpinion: true });
    expect(steps(old, [], [], user('00004', 'approver'))).toEqual([]);
    expect(steps(old, [], [], user('001', 'approver'))).toEqual(['opinion']);
    const given = {
      districtCode: '001',
      givenOn: '2024-10-01',
      documentNumber: '1',
      opinion: 'ok',
    };
    expect(steps({ ...old, districtOpinion: given }, [], [], user('00004', 'approver'))).toEqual([
      'recognize',
    ]);
  });
});
