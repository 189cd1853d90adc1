import { authenticate, refuseUnless } from '@/server/boundary/token-auth';
import { importResponse, parseQuery } from '@/server/reports/api';
import {
  apiHandler,
  BodyTooLarge,
  errorCode,
  fail,
  json,
  readBody,
  translatorFor,
  type Translate,
} from '@/server/boundary/respond';
import { importReports, type ImportBusy, type ImportOutcome } from '@/server/reports/import/import';
import { MAX_IMPORT_BYTES } from '@/server/reports/import/file';
import { IMPORT_RETRY_AFTER_SECONDS, IMPORT_UNAVAILABLE, importSlotFree } from '@/server/reports/import/run';

// POST /api/v1/reports/import?province=CODE[&confirm=warnings]: a CSV (or .xlsx) file as the body, or as the field
// "file" of a multipart form. All rows or none (docs/api.md).

/** room for the multipart envelope around a file at the limit */
const ENVELOPE = 64 * 1024;

/** Refusals for the file's size, packed or unpacked: 413, with the reason as the message. */
const TOO_LARGE = new Set(['fileTooLarge', 'tooManyRows', 'tooManyColumns', 'unpackedTooLarge', 'cellTooLong']);

function answer(outcome: ImportOutcome | ImportBusy, t: Translate): Response {
  if (outcome.status === 'busy') {
    const message = t('api.importBusy', { seconds: outcome.retryAfter });
    return json({ ok: false, message, fieldErrors: {}, retryAfter: outcome.retryAfter }, 429, {
      'Retry-After': String(outcome.retryAfter),
    });
  }
  // the server cannot read files at all (a deployment fault, logged): not the caller's file, so not a 4xx
  if (outcome.status === 'invalid' && outcome.issues.some((i) => i.code === IMPORT_UNAVAILABLE)) {
    const message = errorCode(t, IMPORT_UNAVAILABLE);
    return fail(503, message, { file: [message] });
  }
  const limit = outcome.status === 'invalid' ? outcome.issues.find((i) => TOO_LARGE.has(i.code)) : undefined;
  if (limit) {
    const message = errorCode(t, limit.code);
    return fail(413, message, { file: [message] }, { rows: [{ ...limit, message }], total: 1 });
  }
  return importResponse(outcome, t);
}

export const POST = apiHandler(async (request: Request) => {
  const t = translatorFor(request);
  const auth = await authenticate(request, t);
  if (!auth.ok) return auth.response;
  const parsed = parseQuery(new URL(request.url), auth.user, t);
  if (!parsed.ok) return parsed.response;
  const { provinceCode, confirmWarnings } = parsed.query;
  const refused = await refuseUnless(auth.user, 'reports.import', { provinceCode }, 'api.reports.import', t);
  if (refused) return refused;
  // two imports at once already: no point reading a body of up to 5 MB to refuse it afterwards
  if (!importSlotFree()) return answer({ status: 'busy', retryAfter: IMPORT_RETRY_AFTER_SECONDS }, t);

  let bytes: Uint8Array;
  try {
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      const body = await readBody(request, MAX_IMPORT_BYTES + ENVELOPE);
      const form = await new Response(body as BodyInit, { headers: { 'content-type': type } })
        .formData()
        .catch(() => null);
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
  return answer(await importReports(auth.user, provinceCode, bytes, { confirmWarnings }), t);
});
