/**
 * What the import and review-round tests share: the commune and village they use, and the
 * village files they upload (written with the households service's own template writer).
 */
import { PassThrough } from 'node:stream';
import type { CellValue } from '../../households/src/import/cell-values';
import { writeVillageWorkbook } from '../../households/src/import/template-xlsx';
import { api, twoMembers, type Json } from './households-harness';

export const COMMUNE = '00004'; // Phường Ba Đình
export const VILLAGE = 'TDP-07';

export type Row = Record<string, CellValue>;

/** Registers one household of the commune per spouse citizen ID through the API. */
export async function registerHouseholds(
  baseUrl: string,
  officerToken: string,
  spouseCitizenIds: readonly string[],
): Promise<Json[]> {
  const households: Json[] = [];
  for (const id of spouseCitizenIds) {
    const created = await api(baseUrl, '/households', officerToken, {
      method: 'POST',
      body: {
        communeCode: COMMUNE,
        villageCode: 'TDP-01',
        streetAddress: `Số ${id.slice(-1)} Đội Cấn`,
        area: 'urban',
        members: twoMembers(id),
        reason: 'đăng ký hộ',
      },
    });
    if (created.status !== 201) throw new Error(`household not created: ${created.status}`);
    households.push(created.body);
  }
  return households;
}

/**
 * Two households; `bad` gives the second head a citizen ID stored as a number of 10 digits
 * (a lost leading zero, refused). `n` varies the IDs so that files of other tests differ.
 */
export function villageRows(bad: boolean, n = 0): Row[] {
  return [
    {
      household_no: '1',
      street_address: 'Số 5 ngõ Văn Chương',
      area: 'thành thị',
      full_name: 'Hoàng Văn Thắng',
      date_of_birth: '12/03/1970',
      sex: 'nam',
      ethnic_group_code: '01',
      citizen_id: `00107001234${n}`,
      relation: 'chủ hộ',
    },
    {
      household_no: '1',
      full_name: 'Đỗ Thị Ngọc Ánh',
      date_of_birth: '1974',
      sex: 'nữ',
      ethnic_group_code: '01',
      relation: 'vợ',
    },
    {
      household_no: '2',
      street_address: 'Số 9 ngõ Văn Chương',
      area: 'thành thị',
      full_name: 'Vũ Đình Quý',
      date_of_birth: '01/01/1960',
      sex: 'nam',
      ethnic_group_code: '01',
      citizen_id: bad ? 106000987 * 10 + n : `00106000987${n}`,
      relation: 'chủ hộ',
    },
  ];
}

/** A village XLSX file written with the households service's template writer. */
export async function villageXlsx(rows: Row[], villageCode = VILLAGE): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  await writeVillageWorkbook(out, {
    communeCode: COMMUNE,
    villageCode,
    formType: 'C',
    rows,
  });
  return Buffer.concat(parts);
}
