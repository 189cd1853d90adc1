import type { Locale } from './config';

// Numbers and moments as people in Vietnam read them, in the interface's language. Intl formatters are costly to build
// and a dashboard formats hundreds of numbers per request, so one formatter per locale and style is kept for the life
// of the process. Pure (no request state): the server's getNumberFormats (src/i18n/server.ts) picks the locale.

const cache = new Map<string, Intl.NumberFormat>();

function formatter(tag: string, digits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${tag}:${digits}:${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, {
      style,
      minimumFractionDigits: style === 'percent' ? 0 : digits,
      maximumFractionDigits: digits,
    });
    cache.set(key, f);
  }
  return f;
}

export interface NumberFormats {
  locale: Locale;
  integer(n: number): string;
  decimal(n: number, digits?: number): string;
  percent(ratio: number): string;
  /** a threshold as written in the plan: whole numbers without decimals */
  threshold(n: number): string;
  /** a rate per 100,000, one decimal: never rounded onto its threshold (450.4 must not read 450 against "> 450") */
  rate(n: number): string;
  /** for the heatmap's small cells: no decimals from 10 up (the cell's symbol, not its digits, says "met") */
  compact(n: number): string;
}

export function numberFormats(locale: Locale): NumberFormats {
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  return {
    locale,
    integer: (n) => formatter(tag, 0).format(n),
    decimal: (n, digits = 1) => formatter(tag, digits).format(n),
    percent: (r) => formatter(tag, 0, 'percent').format(r),
    threshold: (n) => (Number.isInteger(n) ? formatter(tag, 0).format(n) : formatter(tag, 2).format(n)),
    rate: (n) => formatter(tag, 1).format(n),
    compact: (n) => formatter(tag, Math.abs(n) >= 10 ? 0 : 1).format(n),
  };
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A moment as the health departments read it: Asia/Ho_Chi_Minh, day and minute. */
export function formatDateTime(locale: Locale, iso: string): string {
  let f = dateTimes.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    dateTimes.set(locale, f);
  }
  return f.format(new Date(iso));
}
