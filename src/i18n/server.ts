import 'server-only';
import { cookies } from 'next/headers';
import { createTranslator } from 'use-intl/core';
import { numberFormats, type NumberFormats } from './format';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, MESSAGES, type Locale, type Messages } from './config';

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function makeTranslator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

// A translator compiles each ICU message the first time it formats it, and building one on every call made that
// most of the rendering time of the busiest pages. Messages are static and a translator holds no request state, so
// one translator per locale and namespace lives as long as the process and compiles each message once.
const translators = new Map<string, unknown>();

/** The translator of `namespace` in the request's language. */
export async function getTranslations<N extends keyof Messages>(
  namespace: N,
): Promise<ReturnType<typeof makeTranslator<N>>> {
  const locale = await getLocale();
  const key = `${locale}:${namespace}`;
  let t = translators.get(key) as ReturnType<typeof makeTranslator<N>> | undefined;
  if (!t) {
    t = makeTranslator(locale, namespace);
    translators.set(key, t);
  }
  return t;
}

/** Number formatters in the request's language (src/i18n/format.ts). */
export async function getNumberFormats(): Promise<NumberFormats> {
  return numberFormats(await getLocale());
}
