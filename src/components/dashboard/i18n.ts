import 'server-only';
import { createTranslator } from 'use-intl/core';
import { MESSAGES, type Locale, type Messages } from '@/i18n/config';
import { getLocale } from '@/i18n/server';

// getTranslations builds a new translator on every call, and a translator compiles each ICU message the first time
// it formats it: on the dashboards' hot pages that was most of the rendering time. Messages are static and a
// translator holds no request state, so one translator per locale and namespace lives as long as the process and
// compiles each message once.

function make<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

const translators = new Map<string, unknown>();

/** Same as getTranslations from '@/i18n/server', with the translator kept for the process. */
export async function getCachedTranslations<N extends keyof Messages>(namespace: N): Promise<ReturnType<typeof make<N>>> {
  const locale = await getLocale();
  const key = `${locale}:${namespace}`;
  let t = translators.get(key) as ReturnType<typeof make<N>> | undefined;
  if (!t) {
    t = make(locale, namespace);
    translators.set(key, t);
  }
  return t;
}
