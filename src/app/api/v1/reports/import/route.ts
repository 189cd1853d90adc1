import { authenticate, refuseUnless } from '@/server/api/auth';
import { importResponse, parseQuery } from '@/server/api/reports';
import { apiHandler, BodyTooLarge, fail, readBody, translatorFor } from '@/server/api/respond';
import { importReports } from '@/server/reports/import';
import { MAX_IMPORT_BYTES } from '@/server/reports/import-file';

// POST /api/v1/reports/import?province=CODE[&confirm=warnings]: a CSV (or .xlsx) file as the body, or as the field
// "file" of a multipart form. All rows or none (docs/api.md).

/** room for the multipart envelope around a file at the limit */
const ENVELOPE = 64 * 1024;

export const POST = apiHandler(async (request: Request) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const parsed = parseQuery(new URL(request.url), auth.user, t);
  if (!parsed.ok) return parsed.response;
  const { provinceCode, confirmWarnings } = parsed.query;
  const refused = await refuseUnless(auth.user, 'reports.import', { provinceCode }, 'api.reports.import', t);
  if (refused) return refused;

  let bytes: Uint8Array;
  try {
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      const body = await readBody(request, MAX_IMPORT_BYTES + ENVELOPE);
      const form = await new Response(body as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => null);
      const file = form?.get('file');
      if (!file || typeof file === 'string') return fail(400, t('api.noFile'), { file: [t('api.noFile')] });
      bytes = new Uint8Array(await file.arrayBuffer());
    } else {
      bytes = await readBody(request, MAX_IMPORT_BYTES);
    }
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, t('errors.fileTooLarge'), { file: [t('errors.fileTooLarge')] });
    throw error;
  }
  return importResponse(await importReports(auth.user, provinceCode, bytes, { confirmWarnings }), t);
});
