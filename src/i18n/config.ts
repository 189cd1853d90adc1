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

/** Namespaces any page's client components may need (the error page, the sign-in form). */
export const ROOT_CLIENT_NAMESPACES = ['errors', 'signIn'] as const;
export type ClientNamespace = keyof Messages;
export type ClientMessagesSubset = Partial<Messages>;

const subsets = new Map<string, ClientMessagesSubset>();

/** The root namespaces plus `namespaces`, for a client provider: one object per locale and list, kept for the process. */
export function clientMessages(locale: Locale, namespaces: readonly ClientNamespace[] = []): ClientMessagesSubset {
  const key = `${locale}:${namespaces.join(',')}`;
  let subset = subsets.get(key);
  if (!subset) {
    const all = MESSAGES[locale];
    subset = Object.fromEntries(
      [...ROOT_CLIENT_NAMESPACES, ...namespaces].map((ns) => [ns, all[ns]]),
    ) as ClientMessagesSubset;
    subsets.set(key, subset);
  }
  return subset;
}
