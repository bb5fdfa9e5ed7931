/**
 * The households service in process with an adjustable "today" (review rounds depend on
 * dates) behind the edge harness, and the village files the import tests upload (written
 * with the households service's own template writer).
 */
import { PassThrough } from 'node:stream';
import { createLogger } from '@posa/platform';
import { createTestDatabase, realmUrl } from '@posa/testing';
import { createApp as createHouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import type { CellValue } from '../../households/src/import/cell-values';
import { writeVillageWorkbook } from '../../households/src/import/template-xlsx';
import { startEdgeHarness, type EdgeHarness } from './harness';
import type { HouseholdsEdge } from './households-harness';

export const COMMUNE = '00004'; // Phường Ba Đình
export const VILLAGE = 'TDP-07';

/** Like startHouseholdsEdge, with the service's today from `today()` (YYYY-MM-DD). */
export async function startDatedHouseholdsEdge(
  prefix: string,
  today: () => string,
): Promise<HouseholdsEdge> {
  const db = await createTestDatabase(`edge_hh_${prefix}`);
  const households = createHouseholdsApp(
    loadHouseholdsConfig({
      DATABASE_URL: db.url,
      GRPC_PORT: '0',
      HTTP_PORT: '0',
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      KEYCLOAK_ISSUER_URL: await realmUrl(),
      LOG_LEVEL: 'silent',
    }),
    createLogger({ service: 'households', level: 'silent' }),
    { today },
  );
  let edge: EdgeHarness | undefined;
  const close = async (): Promise<void> => {
    await edge?.close();
    await households.stop(1000);
    await db.drop();
  };
  try {
    const { grpcPort } = await households.start();
    edge = await startEdgeHarness(`hh${prefix}`, { HOUSEHOLDS_ADDRESS: `127.0.0.1:${grpcPort}` });
    return { edge, households, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export type Row = Record<string, CellValue>;

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
