import 'server-only';
import { cookies } from 'next/headers';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, MESSAGES, type Locale, type Messages } from './config';

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslations<N extends keyof Messages>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

export async function getFormatters() {
  const locale = await getLocale();
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  return {
    locale,
    integer: (n: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(n),
    decimal: (n: number, digits = 1) => new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    percent: (r: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(r),
  };
}
