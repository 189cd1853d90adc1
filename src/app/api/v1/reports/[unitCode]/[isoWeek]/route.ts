import { formatIsoWeek, parseIsoWeek } from '@/lib/epi-week';
import { apiReportBodySchema, unitCodeSchema } from '@/lib/validations/weekly-report';
import { authenticate, refuseUnless } from '@/server/boundary/token-auth';
import { saveResponse, zodFieldErrors } from '@/server/reports/api';
import {
  apiHandler,
  BodyTooLarge,
  fail,
  json,
  readBody,
  translatorFor,
  type Translate,
} from '@/server/boundary/respond';
import { db } from '@/server/db';
import { saveReports } from '@/server/reports/save';
import { readReports } from '@/server/reports/store';

// GET and PUT /api/v1/reports/{unitCode}/{isoWeek}: one unit's report for one week (docs/api.md).

type Context = { params: Promise<{ unitCode: string; isoWeek: string }> };
const MAX_JSON_BYTES = 64 * 1024;

async function target(ctx: Context, t: Translate) {
  // Next hands route parameters over already decoded
  const { unitCode: rawUnit, isoWeek: rawWeek } = await ctx.params;
  const unitCode = unitCodeSchema.safeParse(rawUnit);
  const week = parseIsoWeek(rawWeek);
  if (!unitCode.success || !week) {
    const fieldErrors: Record<string, string[]> = {};
    if (!unitCode.success) fieldErrors.unitCode = [t('errors.badUnit')];
    if (!week) fieldErrors.isoWeek = [t('errors.badWeek')];
    return { ok: false as const, response: fail(400, t('api.badQuery'), fieldErrors) };
  }
  const unit = await (
    await db()
  ).adminUnit.findFirst({
    where: { code: unitCode.data },
    select: { id: true, code: true, provinceCode: true, reports: true },
  });
  if (!unit)
    return { ok: false as const, response: fail(404, t('api.unitNotFound'), { unitCode: [t('errors.badUnit')] }) };
  return { ok: true as const, unit, week };
}

export const GET = apiHandler(async (request: Request, ctx: Context) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const found = await target(ctx, t);
  if (!found.ok) return found.response;
  const refused = await refuseUnless(
    auth.user,
    'reports.read',
    { provinceCode: found.unit.provinceCode, unitId: found.unit.id },
    'api.reports.read',
    t,
  );
  if (refused) return refused;
  const [report] = await readReports(await db(), [found.unit.id], found.week, found.week);
  return json({
    ok: true,
    unitCode: found.unit.code,
    isoWeek: formatIsoWeek(found.week),
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
});

export const PUT = apiHandler(async (request: Request, ctx: Context) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const found = await target(ctx, t);
  if (!found.ok) return found.response;
  const refused = await refuseUnless(
    auth.user,
    'reports.write',
    { provinceCode: found.unit.provinceCode },
    'api.reports.write',
    t,
  );
  if (refused) return refused;

  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readBody(request, MAX_JSON_BYTES)));
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, t('api.tooLarge'));
    return fail(400, t('api.badJson'));
  }
  const parsed = apiReportBodySchema.safeParse(body);
  if (!parsed.success) return fail(400, t('api.invalid'), zodFieldErrors(t, parsed.error.issues));
  const { version, ...figures } = parsed.data;
  const confirmWarnings = new URL(request.url).searchParams.get('confirm') === 'warnings';
  const outcome = await saveReports(
    auth.user,
    found.unit.provinceCode,
    [{ unitCode: found.unit.code, week: found.week, version, figures, ref: 0 }],
    {
      confirmWarnings,
      permission: 'reports.write',
      source: 'api',
    },
  );
  return saveResponse(outcome, t);
});
