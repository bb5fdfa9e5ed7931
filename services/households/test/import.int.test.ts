import { status } from '@grpc/grpc-js';
import ExcelJS from 'exceljs';
import { ImportMode, ImportStatus, type HouseholdImportServiceClient } from '@posa/proto';
import type { CellValue } from '../src/import/cell-values';
import { rejectionOf, startHarness, type Harness } from './harness';
import { download, importClient, job, upload, villageFile } from './import-client';
import { COMMUNE, OTHER_COMMUNE } from './registry-fixtures';

let h: Harness;
let client: HouseholdImportServiceClient;
let officer: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('import', { today: () => '2026-11-23' });
  client = importClient(h.addresses.grpcPort);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
});

afterAll(async () => {
  client?.close();
  await h?.close();
});

type Row = Record<string, CellValue>;

/** Two households; the head of the first has an 11-digit numeric ID (lost leading zero). */
function rows(fixed: boolean): Row[] {
  return [
    {
      household_no: '1',
      street_address: 'Thôn Đông',
      area: 'nông thôn',
      housing_quality: 'Nhà đơn sơ',
      drinking_water: 'rainwater',
      sanitation: 'none',
      telecom_use: 'không',
      assets: 'radio; phone',
      income_per_capita_month: 1200000,
      full_name: 'Lê Văn Hùng'.normalize('NFD'),
      date_of_birth: 29726 /* Excel serial of 20/05/1981 */,
      sex: 'nam',
      ethnic_group_code: 1,
      citizen_id: fixed ? '001081000123' : 1081000123,
      relation: 'chủ hộ',
      education_level: 'primary',
      health_insurance: 'state_budget',
      employment: 'self_employed',
      disability: 'none',
    },
    {
      household_no: '1',
      full_name: 'Lê Thị Lan',
      date_of_birth: '2015',
      sex: 'nữ',
      ethnic_group_code: '01',
      relation: 'con',
      school_attendance: 'attending',
    },
    {
      household_no: '2',
      street_address: 'Thôn Tây',
      area: 'rural',
      full_name: 'Phạm Thị Hoa',
      date_of_birth: '03/04/1950',
      sex: 'nữ',
      ethnic_group_code: '01',
      citizen_id: '001150000777',
      relation: 'head',
      social_assistance: 'có',
      social_assistance_category: '5a',
      form_type: 'C1',
    },
  ];
}

async function file(r: Row[]): Promise<Buffer> {
  return villageFile({ communeCode: COMMUNE, villageCode: 'TDP-07', formType: 'C', rows: r });
}

async function householdsOfVillage(): Promise<number> {
  const res = await h.app.pool.query(
    "SELECT count(*)::int AS n FROM household WHERE village_code = 'TDP-07'",
  );
  return res.rows[0].n as number;
}

describe('HouseholdImportService', () => {
  it('rejects a village file with an error, reports it, and imports the corrected file', async () => {
    const bad = await upload(client, officer, await file(rows(false)), {
      fileName: 'tdp-07.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-07',
    });
    expect(bad.job).toMatchObject({
      status: ImportStatus.IMPORT_STATUS_REJECTED,
      errorCount: 1,
      householdsCreated: 0,
      rowsRead: 3,
    });
    expect(await householdsOfVillage()).toBe(0);
    const wb = new ExcelJS.Workbook();
    const report = await download(client, officer, bad.job!.id);
    await wb.xlsx.load(report as unknown as ArrayBuffer);
    const errors = wb.getWorksheet('Loi')!.getRow(2).values as unknown[];
    expect(errors.slice(1, 3)).toEqual([8, 'citizen_id']);
    expect(String(errors[4])).toMatch(/Excel dropped leading zeros/);

    const good = await upload(client, officer, await file(rows(true)), {
      fileName: 'tdp-07-fixed.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-07',
    });
    expect(good.job).toMatchObject({
      status: ImportStatus.IMPORT_STATUS_COMPLETED,
      householdsCreated: 2,
      errorCount: 0,
    });
    const head = await h.app.pool.query(
      `SELECT m.full_name, m.citizen_id, m.birth_year, m.birth_month, m.birth_day, h.housing_quality, h.assets,
              h.form_type, h.income_per_capita_month::int AS income
       FROM member m JOIN household h ON h.head_member_id = m.id WHERE m.citizen_id = '001081000123'`,
    );
    expect(head.rows[0]).toMatchObject({
      full_name: 'Lê Văn Hùng'.normalize('NFC'),
      birth_year: 1981,
      birth_month: 5,
      birth_day: 20,
      housing_quality: 'makeshift',
      assets: ['phone', 'radio'],
      form_type: 'C',
      income: 1200000,
    });
    const c1 = await h.app.pool.query(
      `SELECT h.form_type, m.social_assistance_category, c.reason FROM household h JOIN member m ON m.id = h.head_member_id
       JOIN household_change c ON c.household_id = h.id AND c.kind = 'household_created' WHERE m.citizen_id = '001150000777'`,
    );
    expect(c1.rows[0]).toMatchObject({
      form_type: 'C1',
      social_assistance_category: '5a',
      reason: `import tdp-07-fixed.xlsx (${good.job!.id})`,
    });
    const events = await h.app.pool.query(
      "SELECT count(*)::int AS n FROM posa_outbox WHERE aggregate_id IN (SELECT id::text FROM household WHERE village_code = 'TDP-07')",
    );
    expect(events.rows[0].n).toBe(2);
    expect((await job(client, officer, good.job!.id)).householdsCreated).toBe(2);

    const again = await upload(client, officer, await file(rows(true)), {
      fileName: 'copy.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-07',
    });
    expect(again).toMatchObject({ repeated: true, job: { id: good.job!.id } });
    expect(await householdsOfVillage()).toBe(2);

    const changed = rows(true);
    changed[2]!.street_address = 'Thôn Tây, xóm 2';
    const rerun = await upload(client, officer, await file(changed), {
      fileName: 'tdp-07-v3.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-07',
    });
    expect(rerun.job).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 1,
      householdsUnchanged: 1,
    });
    expect(await householdsOfVillage()).toBe(2);
  });

  it('writes the valid households only on request (valid_rows)', async () => {
    const r: Row[] = [
      {
        household_no: 'A',
        street_address: 'Xóm 1',
        area: 'rural',
        full_name: 'Trần Văn Nam',
        date_of_birth: '1970',
        sex: 'nam',
        ethnic_group_code: '01',
        relation: 'head',
      },
      {
        household_no: 'B',
        street_address: 'Xóm 2',
        area: 'rural',
        full_name: 'Trần Văn Bắc',
        date_of_birth: '31/02/1971',
        sex: 'nam',
        ethnic_group_code: '01',
        relation: 'head',
      },
      {
        household_no: 'B',
        full_name: 'Trần Thị Thu',
        date_of_birth: '1999',
        sex: 'nữ',
        ethnic_group_code: '01',
        relation: 'con',
      },
    ];
    const bytes = await villageFile({
      communeCode: COMMUNE,
      villageCode: 'TDP-08',
      formType: 'C',
      rows: r,
    });
    const all = await upload(client, officer, bytes, {
      fileName: 'tdp-08.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-08',
    });
    expect(all.job).toMatchObject({
      status: ImportStatus.IMPORT_STATUS_REJECTED,
      householdsCreated: 0,
      householdsRefused: 1,
    });
    const some = await upload(client, officer, bytes, {
      fileName: 'tdp-08.xlsx',
      communeCode: COMMUNE,
      villageCode: 'TDP-08',
      mode: ImportMode.IMPORT_MODE_VALID_ROWS,
    });
    expect(some).toMatchObject({
      repeated: false,
      job: {
        status: ImportStatus.IMPORT_STATUS_PARTIAL,
        householdsCreated: 1,
        householdsRefused: 1,
      },
    });
    const n = await h.app.pool.query(
      "SELECT count(*)::int AS n FROM household WHERE village_code = 'TDP-08'",
    );
    expect(n.rows[0].n).toBe(1);
  });

  it('imports a CSV file with a BOM and refuses another commune', async () => {
    const csv =
      '\ufeffhousehold_no,village_code,street_address,area,full_name,date_of_birth,sex,ethnic_group_code,citizen_id,relation\r\n' +
      '1,TDP-09,"12, Ngõ 3",urban,Đỗ Minh Quân,07/08/1990,nam,01,001090004321,head\r\n' +
      '1,TDP-09,,,Đỗ Thị Hà,1992,nữ,01,,spouse\r\n';
    const res = await upload(client, officer, Buffer.from(csv, 'utf8'), {
      fileName: 'bulk.csv',
      communeCode: COMMUNE,
    });
    expect(res.job).toMatchObject({
      status: ImportStatus.IMPORT_STATUS_COMPLETED,
      householdsCreated: 1,
      rowsRead: 2,
    });
    const hh = await h.app.pool.query(
      "SELECT street_address, village_code FROM household WHERE village_code = 'TDP-09'",
    );
    expect(hh.rows).toEqual([{ street_address: '12, Ngõ 3', village_code: 'TDP-09' }]);
    const err = await rejectionOf(
      upload(client, officer, Buffer.from(csv, 'utf8'), {
        fileName: 'bulk.csv',
        communeCode: OTHER_COMMUNE,
      }),
    );
    expect(err.code).toBe(status.PERMISSION_DENIED);
  });
});
