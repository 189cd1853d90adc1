import adminEn from '@/messages/admin.en.json';
import adminVi from '@/messages/admin.vi.json';
import dashboardEn from '@/messages/dashboard.en.json';
import dashboardVi from '@/messages/dashboard.vi.json';
import en from '@/messages/en.json';
import entryEn from '@/messages/entry.en.json';
import entryVi from '@/messages/entry.vi.json';
import responseEn from '@/messages/response.en.json';
import responseVi from '@/messages/response.vi.json';
import vi from '@/messages/vi.json';

// Vietnamese is the default; English is available through the language switch (a cookie). Interface text goes
// through use-intl (ICU messages), never literals in components (docs/adr/0005-libraries.md). Each feature keeps its
// own message files (entry, dashboard, response, admin) under a namespace of the same name.
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'surgewatch-locale';

const viMessages = { ...vi, entry: entryVi, dashboard: dashboardVi, response: responseVi, admin: adminVi };
export type Messages = typeof viMessages;
export const MESSAGES: Record<Locale, Messages> = {
  vi: viMessages,
  en: { ...en, entry: entryEn, dashboard: dashboardEn, response: responseEn, admin: adminEn } as Messages,
};

export function isLocale(value: string | undefined): value is Locale {
  return value === 'vi' || value === 'en';
}
