import { status } from '@grpc/grpc-js';
import { UnitCreated, VillageKind } from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';

let h: Harness;
let officer: Record<string, string>;
let provinceAdmin: Record<string, string>;
let otherOfficer: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('villages');
  [officer, provinceAdmin, otherOfficer, analyst] = await Promise.all([
    h.signIn('officer', '00004', ['officer']),
    h.signIn('admin', '01', ['unit_admin']),
    h.signIn('other', '00008', ['officer']),
    h.signIn('analyst', '00004', ['analyst']),
  ]);
});

afterAll(async () => {
  await h?.close();
});

const create = (
  metadata: Record<string, string>,
  name: string,
  communeCode = '00004',
  kind = VillageKind.VILLAGE_KIND_URBAN,
) => h.client.call('createVillage', { communeCode, name, kind }, { metadata });

describe('CreateVillage', () => {
  it('writes the village, an audit row and a UnitCreated outbox event in one go', async () => {
    const res = await h.client.call(
      'createVillage',
      { communeCode: '00004', name: ' Tổ dân phố  số 1 ', kind: VillageKind.VILLAGE_KIND_URBAN },
      { metadata: { ...officer, 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } },
    );
    expect(res.village).toMatchObject({
      code: '00004001',
      communeCode: '00004',
      name: 'Tổ dân phố số 1',
    });
    expect(res.village?.createTime).toBeInstanceOf(Date);

    const audit = await h.app.pool.query("SELECT * FROM audit_log WHERE target_id = '00004001'");
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      action: 'village.create',
      actor_unit_code: '00004',
      unit_code: '00004',
      province_code: '01',
      source_address: '203.0.113.7',
      before: null,
      after: { code: '00004001', communeCode: '00004', name: 'Tổ dân phố số 1', kind: 'urban' },
    });
    expect(audit.rows[0].actor_id).toMatch(/^[0-9a-f-]{36}$/);

    const outbox = await h.app.pool.query(
      "SELECT * FROM posa_outbox WHERE aggregate_id = '00004001'",
    );
    expect(outbox.rows).toHaveLength(1);
    const row = outbox.rows[0];
    expect(row).toMatchObject({
      topic: 'posa.identity.events.v1',
      event_type: 'com.posa.identity.unit-created.v1',
      source: '/services/identity',
      aggregate_type: 'unit',
    });
    const event = UnitCreated.decode(row.payload);
    expect(event).toMatchObject({ unitCode: '00004001', parentCode: '00004', level: 'village' });
    expect(event.stamp).toMatchObject({
      actorId: audit.rows[0].actor_id,
      actorUnitCode: '00004',
      sourceAddress: '203.0.113.7',
    });
  });

  it('lets an administrator of a unit above the commune create one, numbering on', async () => {
    const res = await create(provinceAdmin, 'Tổ dân phố số 2');
    expect(res.village?.code).toBe('00004002');
    const peerAudit = await h.app.pool.query(
      "SELECT source_address FROM audit_log WHERE target_id = '00004002'",
    );
    expect(peerAudit.rows[0].source_address).toMatch(/127\.0\.0\.1/);
    const list = await h.client.call(
      'listVillages',
      { communeCode: '00004', page: { pageSize: 1, pageToken: '' } },
      { metadata: analyst },
    );
    expect(list.villages.map((v) => v.code)).toEqual(['00004001']);
    const rest = await h.client.call(
      'listVillages',
      { communeCode: '00004', page: { pageSize: 1, pageToken: list.page!.nextPageToken } },
      { metadata: analyst },
    );
    expect(rest.villages.map((v) => v.code)).toEqual(['00004002']);
  });

  it("refuses another commune's officer and an analyst with PERMISSION_DENIED and a reason", async () => {
    const other = await rejectionOf(create(otherOfficer, 'Thôn Mới'));
    expect(other).toMatchObject({ code: status.PERMISSION_DENIED });
    expect(other.message).toMatch(/outside the jurisdiction of unit 00008/);
    const reader = await rejectionOf(create(analyst, 'Thôn Mới'));
    expect(reader).toMatchObject({ code: status.PERMISSION_DENIED });
    expect(reader.message).toMatch(/needs role unit_admin or officer/);
  });

  it('refuses bad input with INVALID_ARGUMENT naming the field, and a duplicate name with ALREADY_EXISTS', async () => {
    expect(await rejectionOf(create(officer, '   '))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      field: 'name',
    });
    expect(await rejectionOf(create(officer, 'Thôn A', '001'))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      field: 'commune_code',
    });
    expect(
      await rejectionOf(create(officer, 'Thôn A', '00004', VillageKind.VILLAGE_KIND_UNSPECIFIED)),
    ).toMatchObject({
      code: status.INVALID_ARGUMENT,
      field: 'kind',
    });
    expect(await rejectionOf(create(officer, 'tổ DÂN phố số 1'))).toMatchObject({
      code: status.ALREADY_EXISTS,
    });
    expect(await rejectionOf(create(provinceAdmin, 'Thôn A', '99999'))).toMatchObject({
      code: status.NOT_FOUND,
    });
    const rows = await h.app.pool.query('SELECT count(*)::int AS n FROM village');
    const events = await h.app.pool.query('SELECT count(*)::int AS n FROM posa_outbox');
    expect([rows.rows[0].n, events.rows[0].n]).toEqual([2, 2]);
  });

  it('refuses calls without a token with UNAUTHENTICATED', async () => {
    const err = await rejectionOf(
      h.client.call('createVillage', {
        communeCode: '00004',
        name: 'Thôn B',
        kind: VillageKind.VILLAGE_KIND_RURAL,
      }),
    );
    expect(err).toMatchObject({ code: status.UNAUTHENTICATED });
  });
});
