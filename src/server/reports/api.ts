import 'server-only';
import { formatIsoWeek, lastCompleteWeek, weekThursday, type IsoWeek } from '@/lib/epi-week';
import { reportsReadScope, type Permission, type ReportsReadScope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { reportPathSchema, reportsQuerySchema, type ReportsQuery } from '@/lib/validations/reports-query';
import { apiReportBodySchema } from '@/lib/validations/weekly-report';
import { BodyTooLarge, fail, json, readBody, type Translate } from '@/server/boundary/respond';
import { route, type RouteContext, type Target } from '@/server/boundary/route';
import { now } from '@/server/env';
import { importAnswer, saveResponse } from './api-responses';
import { EXPORT_COLUMNS, TEMPLATE_COLUMNS, templateRows } from './export';
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type Column } from './files';
import { importReports } from './import/import';
import { MAX_IMPORT_BYTES } from './import/file';
import { IMPORT_RETRY_AFTER_SECONDS, importSlotFree } from './import/run';
import { getReportingUnits } from './queries';
import {
  getExportRows,
  getReportsInRange,
  getUnitByCode,
  getUnitWeekReport,
  MAX_RANGE_WEEKS,
  type RangeResult,
} from './range';
import { saveReports } from './save';
import { codeInWeek, expectedOn } from './checks';

// The handlers of /api/v1/reports (docs/api.md), each one route() of the boundary: src/app/api/v1 only names them.

/** The query with the caller's defaults: their province, the last complete week. */
interface ProvinceQuery {
  provinceCode: string;
  /** what the permission was granted on, and what a read of reports keeps to */
  scope: ReportsReadScope;
  from: IsoWeek;
  to: IsoWeek;
  format: 'csv' | 'xlsx';
  week: IsoWeek;
  confirmWarnings: boolean;
  /** the key of the level change the caller confirms (levelChange=) */
  confirmLevelChange: string | null;
}

/** The request's province; `readsReports`: the route hands out reports, so a district officer's scope is their unit. */
function inProvince(
  { user, query, t }: { user: SessionUser; query: ReportsQuery; t: Translate },
  readsReports: boolean,
) {
  const provinceCode = query.province ?? user.provinceCode;
  if (!provinceCode) return fail(400, t('api.badQuery'), { province: [t('errors.required')] });
  const last = lastCompleteWeek(now());
  const to = query.to ?? query.from ?? last;
  const scope = readsReports ? reportsReadScope(user, provinceCode) : { provinceCode };
  const target: ProvinceQuery = {
    provinceCode,
    scope,
    from: query.from ?? to,
    to,
    format: query.format ?? 'csv',
    week: query.week ?? last,
    confirmWarnings: query.confirm === 'warnings',
    confirmLevelChange: query.levelChange,
  };
  return { scope, target } satisfies Target<ProvinceQuery>;
}

/** A route on one province's reports: ?province= (else the caller's) with the range, format and confirmation. */
function provinceRoute(
  name: string,
  permission: Permission,
  run: (ctx: RouteContext<ProvinceQuery>) => Promise<Response>,
  { readsReports = false } = {},
) {
  return route({
    name,
    permission,
    query: reportsQuerySchema,
    scope: (request) => inProvince(request, readsReports),
    run,
  });
}

function rangeRefusal(result: Exclude<RangeResult<unknown>, { status: 'ok' }>, t: Translate): Response {
  if (result.status === 'not-found') return fail(404, t('api.notFound'));
  const message = t('api.badRange', { max: MAX_RANGE_WEEKS });
  return fail(400, message, { from: [message] });
}

/** A download: .xlsx with typed numbers, or CSV. */
async function fileResponse<T>(name: string, format: 'csv' | 'xlsx', rows: T[], columns: Column<T>[]) {
  const headers = { 'Content-Disposition': `attachment; filename="${name}.${format}"`, 'Cache-Control': 'no-store' };
  if (format === 'xlsx')
    return new Response(new Uint8Array(await toXlsx(rows, columns, 'reports')), {
      headers: { ...headers, 'Content-Type': XLSX_TYPE },
    });
  return new Response(toCsv(rows, columns), { headers: { ...headers, 'Content-Type': CSV_TYPE } });
}

/** A route on a range of the province's reports, read in the caller's scope (a district officer's: their unit). */
function rangeRoute<T>(
  name: string,
  read: (scope: ReportsReadScope, from: IsoWeek, to: IsoWeek) => Promise<RangeResult<T>>,
  respond: (data: T, q: ProvinceQuery) => Response | Promise<Response>,
) {
  const run = async ({ target: q, t }: RouteContext<ProvinceQuery>) => {
    const result = await read(q.scope, q.from, q.to);
    return result.status === 'ok' ? respond(result.data, q) : rangeRefusal(result, t);
  };
  return provinceRoute(name, 'reports.read', run, { readsReports: true });
}

/** GET /api/v1/reports?province=CODE&from=YYYY-Www&to=YYYY-Www: the province's reports in the range. */
export const listReports = rangeRoute('api.reports.read', getReportsInRange, ({ province, reports }, q) =>
  json({ ok: true, province, from: formatIsoWeek(q.from), to: formatIsoWeek(q.to), reports }),
);

/**
 * GET /api/v1/reports/export?province=CODE&from=YYYY-Www&to=YYYY-Www&format=csv|xlsx: the reports with their rates per
 * 100,000 and verdicts, the province total first in each week.
 */
export const exportReports = rangeRoute('api.reports.export', getExportRows, ({ rows }, q) =>
  fileResponse(
    `surgewatch-${q.provinceCode}-${formatIsoWeek(q.from)}-${formatIsoWeek(q.to)}`,
    q.format,
    rows,
    EXPORT_COLUMNS,
  ),
);

/**
 * GET /api/v1/reports/template?province=CODE&week=YYYY-Www&format=csv|xlsx: the import template, one row per reporting
 * unit of the province with the figures left empty (an untouched template imports as "nothing reported").
 */
export const getReportTemplate = provinceRoute('api.reports.template', 'reports.read', async ({ target: q, t }) => {
  // the units expected to report in that week, by their GSO codes (the week's own)
  const found = await getReportingUnits(q.provinceCode, q.week);
  if (!found) return fail(404, t('api.notFound'));
  const name = `surgewatch-mau-nhap-${q.provinceCode}-${formatIsoWeek(q.week)}`;
  return fileResponse(name, q.format, templateRows(found.units, q.week), TEMPLATE_COLUMNS);
});

/** room for the multipart envelope around a file at the limit */
const ENVELOPE = 64 * 1024;

/** The file of an import: the body itself, or the field "file" of a multipart form. */
async function readImportFile(request: Request, t: Translate): Promise<Uint8Array | Response> {
  try {
    const type = request.headers.get('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) return await readBody(request, MAX_IMPORT_BYTES);
    const body = await readBody(request, MAX_IMPORT_BYTES + ENVELOPE);
    const form = await new Response(body as BodyInit, { headers: { 'content-type': type } })
      .formData()
      .catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') return fail(400, t('api.noFile'), { file: [t('api.noFile')] });
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, t('errors.fileTooLarge'), { file: [t('errors.fileTooLarge')] });
    throw error;
  }
}

/**
 * POST /api/v1/reports/import?province=CODE[&confirm=warnings][&levelChange=KEY]: a CSV (or .xlsx) file as the body,
 * or as the field "file" of a multipart form. All rows or none.
 */
export const importReportFile = provinceRoute(
  'api.reports.import',
  'reports.import',
  async ({ request, user, target: q, t }) => {
    // two imports at once already: no point reading a body of up to 5 MB to refuse it afterwards
    if (!importSlotFree()) return importAnswer({ status: 'busy', retryAfter: IMPORT_RETRY_AFTER_SECONDS }, t);
    const file = await readImportFile(request, t);
    if (file instanceof Response) return file;
    const options = { confirmWarnings: q.confirmWarnings, confirmLevelChange: q.confirmLevelChange };
    return importAnswer(await importReports(user, q.provinceCode, file, options), t);
  },
);

/** The unit and week of /api/v1/reports/{unitCode}/{isoWeek}, scoped to the unit's province (and the unit itself). */
async function inUnit(path: { unitCode: string; isoWeek: IsoWeek }, t: Translate, scopeToUnit: boolean) {
  const unit = await getUnitByCode(path.unitCode, path.isoWeek);
  if (!unit) return fail(404, t('api.unitNotFound'), { unitCode: [t('errors.badUnit')] });
  const scope = scopeToUnit
    ? { provinceCode: unit.provinceCode, unitId: unit.id }
    : { provinceCode: unit.provinceCode };
  return { scope, target: { unit, week: path.isoWeek } };
}

/** GET /api/v1/reports/{unitCode}/{isoWeek}: one unit's report for one week (reports.read on that unit). */
export const getOneReport = route({
  name: 'api.reports.read',
  permission: 'reports.read',
  params: reportPathSchema,
  scope: ({ params, t }) => inUnit(params, t, true),
  run: async ({ target: { unit, week } }) => {
    const report = await getUnitWeekReport(unit.id, week);
    const thursday = weekThursday(week);
    return json({
      ok: true,
      unitCode: codeInWeek(unit, thursday),
      isoWeek: formatIsoWeek(week),
      // a report stored under a former unit (outside its validity): kept, never counted; an administrator's to edit
      formerUnit: report !== undefined && !expectedOn(unit, thursday),
      // version 0: nothing stored yet; PUT with version 0 creates it
      report: report
        ? {
            ...report.figures,
            version: report.version,
            updatedAt: report.updatedAt.toISOString(),
            updatedBy: report.updatedBy,
          }
        : null,
      version: report?.version ?? 0,
    });
  },
});

/**
 * PUT /api/v1/reports/{unitCode}/{isoWeek}[?confirm=warnings][&levelChange=KEY]: stores one unit's figures for one
 * week; a change of the province's level for the latest complete week needs the key of that change (the 422 names it).
 */
export const putOneReport = route({
  name: 'api.reports.write',
  permission: 'reports.write',
  params: reportPathSchema,
  scope: ({ params, t }) => inUnit(params, t, false),
  body: { schema: apiReportBodySchema, maxBytes: 64 * 1024 },
  run: async ({ request, user, target: { unit, week }, body: { version, keep, ...figures }, t }) => {
    // this route has never parsed its query: ?confirm=warnings confirms, levelChange= is compared with the change's
    // key as it is (a garbled one asks again), anything else is ignored
    const search = new URL(request.url).searchParams;
    const confirmWarnings = search.get('confirm') === 'warnings';
    // the unit as resolved with the week, by its handle: the save resolves it again to the same unit
    const inputs = [{ unitCode: unit.code, week, version, figures, keep, ref: 0 }];
    const options = { confirmWarnings, confirmLevelChange: search.get('levelChange'), source: 'api' } as const;
    return saveResponse(await saveReports(user, unit.provinceCode, inputs, options), t);
  },
});
