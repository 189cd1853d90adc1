import en from '@/messages/en.json';
import vi from '@/messages/vi.json';

// Vietnamese is the default; English is available through the language switch (a cookie). Interface text goes
// through use-intl (ICU messages), never literals in components (docs/adr/0005-libraries.md).
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'surgewatch-locale';
export const MESSAGES = { vi, en } satisfies Record<Locale, typeof vi>;
export type Messages = typeof vi;

export function isLocale(value: string | undefined): value is Locale {
  return value === 'vi' || value === 'en';
}
