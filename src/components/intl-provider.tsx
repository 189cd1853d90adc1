'use client';
import { IntlProvider } from 'use-intl/react';
import type { ClientMessagesSubset, Locale } from '@/i18n/config';

export function AppIntlProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: ClientMessagesSubset;
  children: React.ReactNode;
}) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="Asia/Ho_Chi_Minh">
      {children}
    </IntlProvider>
  );
}
