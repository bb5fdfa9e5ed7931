/**
 * Form C/C1 imports through the edge (API and pages) against the households service in
 * process: a village file with a bad row is rejected whole and its report names the row,
 * the fixed file imports the households, which are then listed; the template downloads;
 * an analyst reads but gets no upload form; a file over the limit is refused.
 */
import ExcelJS from 'exceljs';
import { PASSWORD } from './harness';
import { api, type HouseholdsEdge, type Json, startHouseholdsEdge } from './households-harness';
import { COMMUNE, VILLAGE, villageRows, villageXlsx } from './imports-reviews-harness';
import { cookieHeader, signIn } from './sign-in';

let s: HouseholdsEdge;
let officer: string;
let analyst: string;
let officerCookie: string;

beforeAll(async () => {
  s = await startHouseholdsEdge('imp', { today: () => '2026-11-20' });
  officer = await s.edge.bearer(await s.edge.createStaff('officer', COMMUNE, ['officer']));
  analyst = await s.edge.bearer(await s.edge.createStaff('analyst', '01', ['analyst']));
  const name = await s.edge.createStaff('pageofficer', COMMUNE, ['officer']);
  officerCookie = cookieHeader(await signIn(s.edge.baseUrl, name, PASSWORD));
});

afterAll(async () => {
  await s?.close();
});

async function uploadApi(token: string, body: Buffer, params: Record<string, string>) {
  const r = await fetch(
    `${s.edge.baseUrl}/api/v1/household-imports?${new URLSearchParams(params)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    },
  );
  return { status: r.status, body: (await r.json()) as Json };
}

async function download(path: string, headers: Record<string, string>) {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers });
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    disposition: r.headers.get('content-disposition'),
    bytes: Buffer.from(await r.arrayBuffer()),
  };
}

async function sheetRows(bytes: Buffer, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const meta = { fileName: 'tdp-07.xlsx', communeCode: COMMUNE, villageCode: VILLAGE, formType: 'C' };

it('rejects a file with a bad row, reports it, imports the fixed file and lists the households (API)', async () => {
  const badFile = await villageXlsx(villageRows(true));
  const bad = await uploadApi(officer, badFile, meta);
  expect(bad.status).toBe(201);
  expect(bad.body.job).toMatchObject({
    status: 'rejected',
    mode: 'all_or_nothing',
    communeCode: COMMUNE,
    villageCode: VILLAGE,
    householdsCreated: 0,
  });
  expect(bad.body.job.errorCount).toBeGreaterThan(0);

  const report = await download(`/api/v1/household-imports/${bad.body.job.id}/report`, {
    authorization: `Bearer ${officer}`,
  });
  expect(report.status).toBe(200);
  expect(report.type).toContain('spreadsheetml');
  expect(report.disposition).toMatch(/^attachment; filename=/);
  const errors = await sheetRows(report.bytes, 'Loi');
  expect(errors.some((r) => JSON.stringify(r).includes('citizen_id'))).toBe(true);

  const again = await uploadApi(officer, badFile, meta);
  expect(again.body).toMatchObject({ repeated: true, job: { id: bad.body.job.id } });

  const fixed = await uploadApi(officer, await villageXlsx(villageRows(false)), meta);
  expect(fixed.status).toBe(201);
  expect(fixed.body.job).toMatchObject({
    status: 'completed',
    householdsCreated: 2,
    errorCount: 0,
    rowsRead: 3,
  });

  const got = await api(s.edge.baseUrl, `/household-imports/${fixed.body.job.id}`, analyst);
  expect(got.status).toBe(200);
  expect(got.body.status).toBe('completed');
  const list = await api(s.edge.baseUrl, `/household-imports?unitCode=${COMMUNE}`, officer);
  expect(list.body.jobs.map((j: Json) => j.id)).toEqual(
    expect.arrayContaining([bad.body.job.id, fixed.body.job.id]),
  );
  const households = await api(
    s.edge.baseUrl,
    `/households?unitCode=${COMMUNE}&villageCode=${VILLAGE}`,
    analyst,
  );
  expect(households.body.households).toHaveLength(2);
});

it('answers 400 naming the field, 403 for an analyst, 404 for an unknown job, 413 over the limit', async () => {
  const wrongForm = await uploadApi(officer, Buffer.from('x'), { ...meta, formType: 'D' });
  expect(wrongForm).toMatchObject({ status: 400, body: { error: { field: 'formType' } } });
  const noName = await uploadApi(officer, Buffer.from('x'), { ...meta, fileName: 'a.pdf' });
  expect(noName).toMatchObject({ status: 400, body: { error: { field: 'metadata.file_name' } } });
  const refused = await uploadApi(analyst, await villageXlsx(villageRows(false)), meta);
  expect(refused.status).toBe(403);
  const missing = await api(
    s.edge.baseUrl,
    '/household-imports/00000000-0000-4000-8000-000000000000',
    officer,
  );
  expect(missing.status).toBe(404);
  const huge = await uploadApi(officer, Buffer.alloc(50 * 1024 ** 2 + 1), {
    ...meta,
    fileName: 'huge.csv',
  });
  expect(huge).toMatchObject({
    status: 413,
    body: { error: { code: 'PAYLOAD_TOO_LARGE', field: 'file' } },
  });
  const template = await download('/api/v1/household-import-template?form=C1', {
    authorization: `Bearer ${officer}`,
  });
  expect(template.status).toBe(200);
  expect((await sheetRows(template.bytes, 'Phieu C1')).length).toBeGreaterThan(5);
  const badForm = await api(s.edge.baseUrl, '/household-import-template?form=X', officer);
  expect(badForm).toMatchObject({ status: 400, body: { error: { field: 'form' } } });
});

it('uploads through the page with CSRF, shows the job with its counts and the report link', async () => {
  const form = await fetch(`${s.edge.baseUrl}/imports/new`, { headers: { cookie: officerCookie } });
  const html = await form.text();
  expect(form.status).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const post = async (token: string, mode: string) => {
    const body = new FormData();
    body.append('_csrf', token);
    body.append('form_type', 'C');
    body.append('village_code', 'TDP-08');
    body.append('mode', mode);
    const bytes = await villageXlsx(villageRows(true, 1), 'TDP-08');
    body.append('file', new Blob([bytes]), 'thôn-8.xlsx');
    return fetch(`${s.edge.baseUrl}/imports`, {
      method: 'POST',
      headers: { cookie: officerCookie },
      body,
      redirect: 'manual',
    });
  };
  expect((await post('forged', 'valid_rows')).status).toBe(403);
  const done = await post(csrf, 'valid_rows');
  expect(done.status).toBe(303);
  const location = done.headers.get('location')!;
  expect(location).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
  const page = await fetch(`${s.edge.baseUrl}${location}`, { headers: { cookie: officerCookie } });
  const text = await page.text();
  expect(text).toContain('data-status="partial"');
  expect(text).toContain('data-testid="count-households_created">1<');
  expect(text).toContain('data-testid="count-households_refused">1<');
  expect(text).toContain(`href="${location}/report"`);
  expect(text).not.toContain('http-equiv="refresh"');
  const report = await download(`${location}/report`, { cookie: officerCookie });
  expect(report.status).toBe(200);
  const list = await fetch(`${s.edge.baseUrl}/imports`, { headers: { cookie: officerCookie } });
  expect(await list.text()).toContain('thôn-8.xlsx');
});
