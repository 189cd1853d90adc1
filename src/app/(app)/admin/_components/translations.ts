import 'server-only';
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'use-intl/core';
import { MESSAGES, type Messages } from '@/i18n/config';
import { getLocale } from '@/i18n/server';

/** getTranslations for a nested namespace ('admin.users'), fully typed; '@/i18n/server' takes top-level ones only. */
export async function getNestedTranslations<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
