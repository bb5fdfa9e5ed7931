/**
 * HouseholdSearchService through gRPC against real PostgreSQL and Keycloak tokens: names
 * with and without diacritics, đ/d, word starts, jurisdiction, keyset paging, citizen ID and
 * household code, and bad input naming the field. Households are created through
 * CreateHousehold like an officer would.
 */
import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  HouseholdSearchServiceClient,
  HouseholdStatus,
  Sex,
  type HouseholdSearchServiceService,
  type MemberHit,
  type MemberInput,
  type SearchFilter,
  type SearchQuery,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { COMMUNE, OTHER_COMMUNE, request } from './registry-fixtures';

const FAR_COMMUNE = '25747'; // Phường Thủ Dầu Một, province 79

let h: Harness;
let search: GrpcClient<HouseholdSearchServiceService>;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;
let farOfficer: Record<string, string>;
let provinceAnalyst: Record<string, string>;
let nationalAnalyst: Record<string, string>;
const codes = new Map<string, string>();

const person = (fullName: string, citizenId: string, relation = 'head'): MemberInput => ({
  fullName,
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  sex: Sex.SEX_MALE,
  ethnicGroupCode: '01',
  citizenId,
  relation,
});

async function create(
  who: Record<string, string>,
  communeCode: string,
  members: MemberInput[],
): Promise<string> {
  const res = await h.households.call('createHousehold', request({ communeCode, members }), {
    metadata: who,
  });
  return res.household!.code;
}

const query = (over: Partial<SearchQuery>): SearchQuery => ({
  name: '',
  citizenId: '',
  householdCode: '',
  householdCodePrefix: '',
  ...over,
});
const filter = (over: Partial<SearchFilter> = {}): SearchFilter => ({
  unitCode: '',
  status: 0,
  classificationYear: 0,
  classifications: [],
  includeDeceased: false,
  ...over,
});

async function members(
  who: Record<string, string>,
  q: Partial<SearchQuery>,
  f: Partial<SearchFilter> = {},
  pageSize = 100,
  pageToken = '',
): Promise<{ hits: MemberHit[]; next: string }> {
  const res = await search.call(
    'searchMembers',
    { query: query(q), filter: filter(f), page: { pageSize, pageToken } },
    { metadata: who },
  );
  return { hits: res.members, next: res.page!.nextPageToken };
}

const names = (hits: MemberHit[]): string[] => hits.map((m) => m.fullName).sort();

beforeAll(async () => {
  h = await startHarness('search', { today: () => '2026-11-23' });
  search = createGrpcClient(HouseholdSearchServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  farOfficer = await h.signIn('far', FAR_COMMUNE, ['officer']);
  provinceAnalyst = await h.signIn('analyst', '01', ['analyst']);
  nationalAnalyst = await h.signIn('national', 'VN', ['analyst']);
  codes.set(
    'duc',
    await create(officer, COMMUNE, [
      person('Nguyễn Văn Đức', '001085012345'),
      person('Nguyễn Thị Dung', '', 'spouse'),
    ]),
  );
  codes.set(
    'do',
    await create(otherOfficer, OTHER_COMMUNE, [person('Đỗ Đức Anh', '001085000077')]),
  );
  codes.set(
    'far',
    await create(farOfficer, FAR_COMMUNE, [person('Nguyễn Văn Đực', '079085000011')]),
  );
  // 23 households of namesakes for paging, in the first commune.
  for (let i = 0; i < 23; i++) {
    await create(officer, COMMUNE, [person('Lê Văn Nam', '')]);
  }
});

afterAll(async () => {
  search?.close();
  await h?.close();
});

describe('SearchMembers by name', () => {
  it('finds names typed without diacritics, with them, in any case and word order', async () => {
    for (const typed of ['nguyen van duc', 'Nguyễn Văn Đức', 'NGUYEN VAN DUC', 'duc nguyen']) {
      const { hits } = await members(nationalAnalyst, { name: typed });
      expect(names(hits)).toEqual(['Nguyễn Văn Đức', 'Nguyễn Văn Đực']);
    }
  });

  it('treats đ and d alike and matches word starts only', async () => {
    const viaD = await members(nationalAnalyst, { name: 'duc' });
    const viaDj = await members(nationalAnalyst, { name: 'đức' });
    expect(names(viaD.hits)).toEqual(['Nguyễn Văn Đức', 'Nguyễn Văn Đực', 'Đỗ Đức Anh']);
    expect(names(viaDj.hits)).toEqual(names(viaD.hits));
    expect(names((await members(nationalAnalyst, { name: 'do du a' })).hits)).toEqual([
      'Đỗ Đức Anh',
    ]);
    expect((await members(nationalAnalyst, { name: 'uc' })).hits).toEqual([]);
    expect((await members(nationalAnalyst, { name: 'nguyen van ducx' })).hits).toEqual([]);
  });

  it('returns enough to pick a record and masks the citizen ID', async () => {
    const { hits } = await members(officer, { name: 'nguyen van duc' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      householdCode: codes.get('duc'),
      communeCode: COMMUNE,
      provinceCode: '01',
      fullName: 'Nguyễn Văn Đức',
      birthYear: 1985,
      maskedCitizenId: '********2345',
      relation: 'head',
      deceased: false,
    });
    expect(JSON.stringify(hits)).not.toContain('001085012345');
  });
});

describe('SearchMembers jurisdiction', () => {
  it('keeps an officer inside the own commune and a province inside its subtree', async () => {
    expect(names((await members(officer, { name: 'duc' })).hits)).toEqual(['Nguyễn Văn Đức']);
    expect(names((await members(otherOfficer, { name: 'duc' })).hits)).toEqual(['Đỗ Đức Anh']);
    expect(names((await members(provinceAnalyst, { name: 'duc' })).hits)).toEqual([
      'Nguyễn Văn Đức',
      'Đỗ Đức Anh',
    ]);
    expect(names((await members(farOfficer, { name: 'duc' })).hits)).toEqual(['Nguyễn Văn Đực']);
    const narrowed = await members(provinceAnalyst, { name: 'duc' }, { unitCode: OTHER_COMMUNE });
    expect(names(narrowed.hits)).toEqual(['Đỗ Đức Anh']);
  });

  it('refuses an explicit unit outside the caller', async () => {
    for (const [who, unit] of [
      [officer, OTHER_COMMUNE],
      [officer, '01'],
      [provinceAnalyst, FAR_COMMUNE],
      [farOfficer, 'VN'],
    ] as const) {
      const err = await rejectionOf(members(who, { name: 'duc' }, { unitCode: unit }));
      expect(err.code).toBe(status.PERMISSION_DENIED);
    }
  });

  it('finds a citizen ID and a household code only within reach', async () => {
    const byId = await members(provinceAnalyst, { citizenId: '001085000077' });
    expect(names(byId.hits)).toEqual(['Đỗ Đức Anh']);
    expect((await members(officer, { citizenId: '001085000077' })).hits).toEqual([]);
    const byCode = await members(officer, { householdCode: codes.get('duc')! });
    expect(names(byCode.hits)).toEqual(['Nguyễn Thị Dung', 'Nguyễn Văn Đức']);
    expect((await members(otherOfficer, { householdCode: codes.get('duc')! })).hits).toEqual([]);
  });
});

describe('keyset paging', () => {
  it('walks every namesake once, in order, across pages', async () => {
    const seen: MemberHit[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await members(officer, { name: 'le van nam' }, {}, 5, token);
      expect(page.hits.length).toBeLessThanOrEqual(5);
      seen.push(...page.hits);
      token = page.next;
      pages++;
    } while (token !== '');
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen.map((m) => m.memberId)).size).toBe(23);
    const ids = seen.map((m) => m.memberId);
    expect(ids).toEqual([...ids].sort());
  });

  it('pages the national and status-filtered plans the same way', async () => {
    for (const f of [{}, { status: HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE }]) {
      const seen: string[] = [];
      let token = '';
      do {
        const page = await members(nationalAnalyst, { name: 'nam le' }, f, 4, token);
        seen.push(...page.hits.map((m) => m.memberId));
        token = page.next;
      } while (token !== '');
      expect(seen).toHaveLength(23);
      expect(seen).toEqual([...new Set(seen)].sort());
    }
  });

  it('pages households by code', async () => {
    const codesSeen: string[] = [];
    let token = '';
    do {
      const res = await search.call(
        'searchHouseholds',
        {
          query: query({ householdCodePrefix: `${COMMUNE}-` }),
          filter: filter(),
          page: { pageSize: 10, pageToken: token },
        },
        { metadata: officer },
      );
      codesSeen.push(...res.households.map((x) => x.householdCode));
      token = res.page!.nextPageToken;
    } while (token !== '');
    expect(codesSeen).toHaveLength(24);
    expect(codesSeen).toEqual([...new Set(codesSeen)].sort());
    expect(codesSeen).toContain(codes.get('duc'));
  });
});

describe('deceased members', () => {
  it('are left out unless asked for', async () => {
    const found = await h.households.call(
      'listHouseholds',
      { unitCode: OTHER_COMMUNE, villageCode: '', status: 0 },
      { metadata: otherOfficer },
    );
    const household = found.households.find((x) => x.code === codes.get('do'))!;
    const full = await h.households.call(
      'getHousehold',
      { id: household.id },
      { metadata: otherOfficer },
    );
    await h.households.call(
      'markMemberDeceased',
      {
        householdId: household.id,
        memberId: full.household!.members[0]!.id,
        expectedVersion: full.household!.version,
        deceasedOn: { year: 2026, month: 11, day: 1 },
        reason: 'báo tử',
      },
      { metadata: otherOfficer },
    );
    for (const who of [otherOfficer, nationalAnalyst]) {
      expect((await members(who, { name: 'do duc anh' })).hits).toEqual([]);
      const all = await members(who, { name: 'do duc anh' }, { includeDeceased: true });
      expect(all.hits.map((m) => [m.fullName, m.deceased])).toEqual([['Đỗ Đức Anh', true]]);
    }
  });
});

describe('SearchHouseholds', () => {
  it('describes a household by its head and counts its members', async () => {
    const res = await search.call(
      'searchHouseholds',
      { query: query({ name: 'nguyen thi dung' }), filter: filter(), page: undefined },
      { metadata: provinceAnalyst },
    );
    expect(res.households).toEqual([
      expect.objectContaining({
        householdCode: codes.get('duc'),
        headFullName: 'Nguyễn Văn Đức',
        headBirthYear: 1985,
        headMaskedCitizenId: '********2345',
        memberCount: 2,
      }),
    ]);
  });
});

describe('bad input', () => {
  const cases: Array<[string, Partial<SearchQuery>, string]> = [
    ['empty query', {}, 'query'],
    ['two criteria', { name: 'nam', citizenId: '001085012345' }, 'query'],
    ['one letter', { name: ' đ ' }, 'query.name'],
    ['digits in a name', { name: 'nam 2' }, 'query.name'],
    ['short citizen ID', { citizenId: '12345' }, 'query.citizen_id'],
    ['bad code', { householdCode: '00004-26' }, 'query.household_code'],
    ['bad prefix', { householdCodePrefix: '0004' }, 'query.household_code_prefix'],
  ];
  it.each(cases)('%s names the field', async (_, q, field) => {
    const err = await rejectionOf(members(officer, q));
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.message).toContain(`${field}:`);
  });

  it('refuses a forged token and a token of another query', async () => {
    const forged = await rejectionOf(members(officer, { name: 'nam' }, {}, 5, 'bm90LWEtdG9rZW4'));
    expect(forged.code).toBe(status.INVALID_ARGUMENT);
    expect(forged.message).toContain('page.page_token');
    const { next } = await members(officer, { name: 'le van nam' }, {}, 5);
    const reused = await rejectionOf(members(officer, { name: 'le van' }, {}, 5, next));
    expect(reused.code).toBe(status.INVALID_ARGUMENT);
    expect(reused.message).toContain('page.page_token');
  });

  it('refuses an unknown unit and a malformed classification filter', async () => {
    const unit = await rejectionOf(members(officer, { name: 'nam' }, { unitCode: '999' }));
    expect(unit.code).toBe(status.INVALID_ARGUMENT);
    expect(unit.message).toContain('filter.unit_code');
    const year = await rejectionOf(
      members(officer, { name: 'nam' }, { classifications: ['poor'] }),
    );
    expect(year.code).toBe(status.INVALID_ARGUMENT);
    expect(year.message).toContain('filter.classification_year');
    const kind = await rejectionOf(
      members(officer, { name: 'nam' }, { classificationYear: 2025, classifications: ['rich'] }),
    );
    expect(kind.code).toBe(status.INVALID_ARGUMENT);
    expect(kind.message).toContain('filter.classifications[0]');
  });
});
