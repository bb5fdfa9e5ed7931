import { assertPostingAllowed } from './review-steps';
import { COMMUNE_ALONE_PROCEDURE } from './review-procedure.fixture';
import type { RoundState } from './review-round';

/** An open round of one assessed household of village TDP-01, met on Thursday 23/4/2026. */
const state: RoundState = {
  round: {
    id: 'r1',
    communeCode: '00004',
    provinceCode: '01',
    year: 2026,
    kind: 'monthly',
    startedOn: '2026-04-16',
    deadline: '2026-05-01',
    standardCode: '2026-2030',
    procedureCode: 'two-tier-2025',
    status: 'open',
    postedFrom: null,
    postedTo: null,
    districtOpinion: null,
    decision: null,
    openedBy: 'officer',
  },
  households: [
    {
      householdId: 'h1',
      householdCode: '00004-2026-000001',
      villageCode: 'TDP-01',
      source: 'form_04',
      reason: '',
      previous: null,
      assessment: {
        incomePerPerson: 1_000_000n,
        deprived: [],
        classification: 'poor',
        rule: '2026-2030/poor',
        standardCode: '2026-2030',
      },
    },
  ],
  meetings: [{ villageCode: 'TDP-01', heldOn: '2026-04-23', attendees: 10, agreed: 6 }],
};

describe('public posting (niêm yết công khai)', () => {
  it('does not count a public holiday as a working day of the posting', () => {
    // Friday 24/4 to Tuesday 28/4: Monday 27/4 is the day off for Giỗ Tổ Hùng Vương
    expect(() =>
      assertPostingAllowed(state, COMMUNE_ALONE_PROCEDURE, '2026-04-24', '2026-04-28'),
    ).toThrow('the posting lasts 2 working days (public holidays excluded); at least 3 are needed');
    expect(() =>
      assertPostingAllowed(state, COMMUNE_ALONE_PROCEDURE, '2026-04-24', '2026-04-29'),
    ).not.toThrow();
  });
});
