import { formatIsoWeek } from '@/lib/epi-week';
import { authenticate, refuseUnless } from '@/server/boundary/token-auth';
import { parseQuery } from '@/server/reports/api';
import { apiHandler, fail, translatorFor } from '@/server/boundary/respond';
import { TEMPLATE_COLUMNS, templateRows } from '@/server/reports/export';
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE } from '@/server/reports/files';
import { getReportingUnits } from '@/server/reports/queries';

// GET /api/v1/reports/template?province=CODE&week=YYYY-Www&format=csv|xlsx: the import template, one row per reporting
// unit of the province with the figures left empty (an untouched template imports as "nothing reported").
export const GET = apiHandler(async (request: Request) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const parsed = parseQuery(new URL(request.url), auth.user, t);
  if (!parsed.ok) return parsed.response;
  const { provinceCode, week, format } = parsed.query;
  const refused = await refuseUnless(auth.user, 'reports.read', { provinceCode }, 'api.reports.template', t);
  if (refused) return refused;
  const found = await getReportingUnits(provinceCode);
  if (!found) return fail(404, t('api.notFound'));
  const rows = templateRows(found.units, week);
  const name = `surgewatch-mau-nhap-${provinceCode}-${formatIsoWeek(week)}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' };
  if (format === 'xlsx') {
    return new Response(new Uint8Array(await toXlsx(rows, TEMPLATE_COLUMNS, 'reports')), {
      headers: { ...headers, 'Content-Type': XLSX_TYPE },
    });
  }
  return new Response(toCsv(rows, TEMPLATE_COLUMNS), { headers: { ...headers, 'Content-Type': CSV_TYPE } });
});
