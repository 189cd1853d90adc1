import { formatIsoWeek } from '@/lib/epi-week';
import { authenticate, refuseUnless } from '@/server/boundary/token-auth';
import { parseQuery } from '@/server/reports/api';
import { apiHandler, fail, translatorFor } from '@/server/boundary/respond';
import { EXPORT_COLUMNS } from '@/server/reports/export';
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE } from '@/server/reports/files';
import { getExportRows, MAX_RANGE_WEEKS } from '@/server/reports/range';

// GET /api/v1/reports/export?province=CODE&from=YYYY-Www&to=YYYY-Www&format=csv|xlsx: the reports with their rates per
// 100,000 and verdicts, the province total first in each week (docs/api.md).
export const GET = apiHandler(async (request: Request) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const parsed = parseQuery(new URL(request.url), auth.user, t);
  if (!parsed.ok) return parsed.response;
  const { provinceCode, from, to, format } = parsed.query;
  const refused = await refuseUnless(auth.user, 'reports.read', { provinceCode }, 'api.reports.export', t);
  if (refused) return refused;
  const result = await getExportRows(auth.user, provinceCode, from, to);
  if (result.status === 'bad-range')
    return fail(400, t('api.badRange', { max: MAX_RANGE_WEEKS }), {
      from: [t('api.badRange', { max: MAX_RANGE_WEEKS })],
    });
  if (result.status === 'not-found') return fail(404, t('api.notFound'));
  if (result.status === 'forbidden') return fail(403, t('api.forbidden'));
  const name = `surgewatch-${provinceCode}-${formatIsoWeek(from)}-${formatIsoWeek(to)}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' };
  if (format === 'xlsx') {
    const body = await toXlsx(result.data.rows, EXPORT_COLUMNS, 'reports');
    return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': XLSX_TYPE } });
  }
  return new Response(toCsv(result.data.rows, EXPORT_COLUMNS), { headers: { ...headers, 'Content-Type': CSV_TYPE } });
});
