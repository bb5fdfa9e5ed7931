/**
 * Groups the member rows of an import into households and validates each household as a
 * whole: the household columns come from the head's row (chủ hộ), exactly one head, no
 * citizen ID twice, at most 50 members. Rows of one household carry the same household
 * number (household_no) and stay together; without numbers a head row starts a household.
 */
import { InvalidArgumentError } from '@posa/platform';
import {
  checkFormType,
  EMPTY_MEMBER_FORM_C,
  validateHouseholdFormC,
  type HouseholdFormC,
} from '../domain/form-c';
import { validateText, type MemberFields } from '../domain/household-input';
import type { Area } from '../domain/household-state';
import { flagOf, listOf, textOf, wholeOf } from '@posa/tabular';
import type { FileRow } from './file-rows';
import { collect, issueOf, parseMemberRow, relationOf, type ImportIssue } from './row-parse';

export interface ImportContext {
  communeCode: string;
  /** Village of the upload (header block or metadata); '' when rows give their own. */
  villageCode: string;
  /** Form of households whose row gives none. */
  formType: 'C' | 'C1';
  today: string;
}

/** A household of the file, validated. */
export interface ImportHousehold {
  firstRow: number;
  householdNo: string;
  householdCode: string | null;
  villageCode: string | null;
  streetAddress: string;
  area: Area;
  formC: HouseholdFormC;
  members: MemberFields[];
}

export interface GroupResult {
  rows: FileRow[];
  household?: ImportHousehold;
  issues: ImportIssue[];
}

const AREAS: Readonly<Record<string, Area>> = {
  rural: 'rural',
  'nông thôn': 'rural',
  urban: 'urban',
  'thành thị': 'urban',
};

function householdFields(
  head: FileRow,
  ctx: ImportContext,
  issues: ImportIssue[],
): Omit<ImportHousehold, 'firstRow' | 'householdNo' | 'members'> | undefined {
  const c = head.cells;
  const before = issues.length;
  const area = AREAS[textOf(c.area).toLowerCase()];
  if (area === undefined)
    issues.push(issueOf(head, 'area', 'must be nông thôn (rural) or thành thị (urban)'));
  const street = collect(head, issues, () =>
    validateText(textOf(c.street_address), 'row.street_address', 300, true),
  );
  const village = ctx.villageCode !== '' ? ctx.villageCode : textOf(c.village_code);
  if (village.length > 50)
    issues.push(issueOf(head, 'village_code', 'is longer than 50 characters'));
  const areaM2 = wholeOf(c.housing_area_m2);
  if (!areaM2.ok) issues.push(issueOf(head, 'housing_area_m2', areaM2.reason));
  const income = wholeOf(c.income_per_capita_month);
  if (!income.ok) issues.push(issueOf(head, 'income_per_capita_month', income.reason));
  const telecom = flagOf(c.telecom_use);
  if (!telecom.ok) issues.push(issueOf(head, 'telecom_use', telecom.reason));
  const code = textOf(c.household_code);
  if (code !== '' && !/^[0-9]{5}-[0-9]{4}-[0-9]{6}$/.test(code)) {
    issues.push(issueOf(head, 'household_code', 'must be a code like 00004-2026-000001'));
  }
  const formC = collect(head, issues, () =>
    validateHouseholdFormC(
      {
        formType: textOf(c.form_type) === '' ? ctx.formType : textOf(c.form_type),
        housingQuality: textOf(c.housing_quality),
        housingAreaM2: areaM2.ok ? areaM2.value : undefined,
        drinkingWater: textOf(c.drinking_water),
        sanitation: textOf(c.sanitation),
        telecomUse: telecom.ok ? telecom.value : undefined,
        assets: listOf(c.assets),
        incomePerCapitaMonth: income.ok ? income.value : undefined,
      },
      'row',
    ),
  );
  if (issues.length > before || formC === undefined || street === undefined || area === undefined) {
    return undefined;
  }
  return {
    householdCode: code === '' ? null : code,
    villageCode: village === '' ? null : village,
    streetAddress: street,
    area,
    formC,
  };
}

/** Validates the rows of one household. */
export function validateGroup(
  rows: FileRow[],
  householdNo: string,
  ctx: ImportContext,
): GroupResult {
  const issues: ImportIssue[] = [];
  const members = rows.map((r) => parseMemberRow(r, ctx.today, issues));
  const heads = rows.filter((r) => relationOf(r.cells.relation) === 'head');
  const first = rows[0]!;
  if (heads.length !== 1) {
    issues.push(
      issueOf(
        first,
        'relation',
        `a household needs exactly one head (chủ hộ), got ${heads.length}`,
      ),
    );
  }
  if (rows.length > 50)
    issues.push(issueOf(first, 'household_no', 'a household has at most 50 members'));
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (m?.citizenId == null) return;
    const at = seen.get(m.citizenId);
    if (at !== undefined) {
      issues.push(issueOf(rows[i]!, 'citizen_id', `appears twice in the household (row ${at})`));
    } else seen.set(m.citizenId, rows[i]!.rowNo);
  });
  const fields = heads.length === 1 ? householdFields(heads[0]!, ctx, issues) : undefined;
  if (fields !== undefined) {
    const valid = members.filter((m): m is MemberFields => m !== undefined);
    collect(heads[0]!, issues, () => {
      try {
        checkFormType(
          fields.formC,
          valid.map((m) => m.formC ?? EMPTY_MEMBER_FORM_C),
          'row',
        );
      } catch (err) {
        if (err instanceof InvalidArgumentError)
          throw new InvalidArgumentError('row.form_type', err.reason);
        throw err;
      }
    });
  }
  if (issues.length > 0 || fields === undefined) return { rows, issues };
  return {
    rows,
    issues,
    household: {
      firstRow: first.rowNo,
      householdNo,
      ...fields,
      members: members as MemberFields[],
    },
  };
}

/** Splits the row stream into households (consecutive rows of one household number). */
export async function* householdGroups(
  rows: AsyncIterable<FileRow>,
): AsyncGenerator<{ householdNo: string; rows: FileRow[]; issues: ImportIssue[] }> {
  let current: FileRow[] = [];
  let currentNo = '';
  const done = new Set<string>();
  let issues: ImportIssue[] = [];
  for await (const row of rows) {
    const no = textOf(row.cells.household_no);
    const startsNew =
      current.length === 0 ||
      (no !== '' ? no !== currentNo : relationOf(row.cells.relation) === 'head');
    if (startsNew && current.length > 0) {
      yield { householdNo: currentNo, rows: current, issues };
      if (currentNo !== '') done.add(currentNo);
      current = [];
      issues = [];
    }
    if (startsNew) {
      currentNo = no;
      if (no !== '' && done.has(no)) {
        issues.push(
          issueOf(
            row,
            'household_no',
            'rows of this household number appear earlier, apart: keep them together',
          ),
        );
      }
    }
    current.push(row);
  }
  if (current.length > 0) yield { householdNo: currentNo, rows: current, issues };
}
