import 'server-only';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, MESSAGES, type Locale } from '@/i18n/config';

// One error shape for the JSON API: { ok: false, message, fieldErrors }, with the HTTP status saying what kind of
// failure it is (400 bad input, 401 no identity, 403 out of scope, 404 unknown, 409 stale version, 413 too large,
// 422 warnings to confirm). Messages are in the caller's language: the app's cookie, else Accept-Language, else Vietnamese.

export type FieldErrors = Record<string, string[]>;

export function localeOf(request: Request): Locale {
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]+)`).exec(request.headers.get('cookie') ?? '')?.[1];
  if (isLocale(cookie)) return cookie;
  const accept = request.headers.get('accept-language')?.toLowerCase() ?? '';
  if (accept.startsWith('en')) return 'en';
  if (accept.startsWith('vi')) return 'vi';
  return DEFAULT_LOCALE;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Translates the codes of the entry namespace (errors.*, api.*); an unknown code falls back to a generic message. */
export function translatorFor(request: Request): Translate {
  const locale = localeOf(request);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'entry' }) as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  return (key, values) => (t.has(key) ? t(key, values) : t('errors.invalid'));
}

export function errorCode(t: Translate, code: string): string {
  return t(`errors.${code}`);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function fail(
  status: number,
  message: string,
  fieldErrors: FieldErrors = {},
  extra: Record<string, unknown> = {},
): Response {
  return json({ ok: false, message, fieldErrors, ...extra }, status);
}

export class BodyTooLarge extends Error {}

/** Reads a request body, refusing (BodyTooLarge) beyond `limit` bytes without reading the rest. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
