import { clientMessages, type ClientNamespace } from '@/i18n/config';
import { getLocale } from '@/i18n/server';
import { AppIntlProvider } from './intl-provider';

/**
 * The messages the client components below need, and no more: every page carries its provider's messages in its
 * HTML, so the root layout sends only the few that pages everywhere use (ROOT_CLIENT_NAMESPACES) and each feature's
 * layout adds its own namespaces here. Server components translate on the server and send no messages at all.
 * A nested provider replaces its parent's messages (use-intl), so the root's are always included.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly ClientNamespace[];
  children: React.ReactNode;
}) {
  const locale = await getLocale();
  return (
    <AppIntlProvider locale={locale} messages={clientMessages(locale, namespaces)}>
      {children}
    </AppIntlProvider>
  );
}
