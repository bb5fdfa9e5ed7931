/**
 * The village file (template and filled files alike), written with exceljs' streaming
 * writer: the header block, the Vietnamese headings, the row of column keys, the member
 * rows, and a sheet listing every column and code. Text cells stay text (IDs keep their
 * leading zeros).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as codes from '../domain/form-c-codes';
import type { CellValue } from './cell-values';
import {
  HEADER_COMMUNE,
  HEADER_FORM,
  HEADER_VILLAGE,
  IMPORT_COLUMNS,
  RELATION_LABELS,
} from './columns';

export interface VillageFile {
  communeCode: string;
  villageCode: string;
  formType: 'C' | 'C1';
  /** Member rows by column key (none for the empty template). */
  rows?: Iterable<Record<string, CellValue>>;
}

const CODE_LISTS: Record<string, codes.CodeList> = {
  form_type: codes.FORM_TYPES,
  housing_quality: codes.HOUSING_QUALITY,
  drinking_water: codes.DRINKING_WATER,
  sanitation: codes.SANITATION,
  assets: codes.ASSETS,
  education_level: codes.EDUCATION_LEVEL,
  school_attendance: codes.SCHOOL_ATTENDANCE,
  health_insurance: codes.HEALTH_INSURANCE,
  employment: codes.EMPLOYMENT,
  disability: codes.DISABILITY,
  social_assistance_category: codes.SOCIAL_ASSISTANCE_CATEGORY,
  relation: Object.entries(RELATION_LABELS).map(([labelVi, code]) => ({ code, labelVi })),
};

export async function writeVillageWorkbook(out: Writable, f: VillageFile): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet(`Phieu ${f.formType}`);
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ key: c.key, width: 18, style: { numFmt: '@' } }));
  sheet.addRow([`Danh sách hộ - phiếu ${f.formType}`]).commit();
  sheet.addRow([HEADER_COMMUNE, f.communeCode]).commit();
  sheet.addRow([HEADER_VILLAGE, f.villageCode]).commit();
  sheet.addRow([HEADER_FORM, f.formType]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.labelVi)).commit();
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.key)).commit();
  for (const r of f.rows ?? []) {
    const row = sheet.addRow(IMPORT_COLUMNS.map((c) => (r[c.key] === undefined ? null : r[c.key])));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      else if (typeof cell.value === 'number') cell.numFmt = 'General';
    });
    row.commit();
  }
  sheet.commit();
  const help = wb.addWorksheet('Huong dan');
  help.addRow(['column', 'heading', 'level', 'note', 'codes']).commit();
  for (const c of IMPORT_COLUMNS) {
    const list = CODE_LISTS[c.key];
    const text = list === undefined ? '' : list.map((e) => `${e.code} = ${e.labelVi}`).join('; ');
    help.addRow([c.key, c.labelVi, c.level, c.note, text]).commit();
  }
  help.commit();
  await wb.commit();
}
