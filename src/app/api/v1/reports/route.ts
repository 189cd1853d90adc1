import { formatIsoWeek } from '@/lib/epi-week';
import { authenticate, refuseUnless } from '@/server/boundary/token-auth';
import { parseQuery } from '@/server/reports/api';
import { apiHandler, fail, json, translatorFor } from '@/server/boundary/respond';
import { getReportsInRange, MAX_RANGE_WEEKS } from '@/server/reports/range';

// GET /api/v1/reports?province=CODE&from=YYYY-Www&to=YYYY-Www: the province's reports in the range (docs/api.md).
export const GET = apiHandler(async (request: Request) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const parsed = parseQuery(new URL(request.url), auth.user, t);
  if (!parsed.ok) return parsed.response;
  const { provinceCode, from, to } = parsed.query;
  const refused = await refuseUnless(auth.user, 'reports.read', { provinceCode }, 'api.reports.read', t);
  if (refused) return refused;
  const result = await getReportsInRange(auth.user, provinceCode, from, to);
  if (result.status === 'bad-range')
    return fail(400, t('api.badRange', { max: MAX_RANGE_WEEKS }), {
      from: [t('api.badRange', { max: MAX_RANGE_WEEKS })],
    });
  if (result.status === 'not-found') return fail(404, t('api.notFound'));
  if (result.status === 'forbidden') return fail(403, t('api.forbidden'));
  return json({
    ok: true,
    province: result.data.province,
    from: formatIsoWeek(from),
    to: formatIsoWeek(to),
    reports: result.data.reports,
  });
});
