import type { Metadata } from 'next';
import { AppIntlProvider } from '@/components/intl-provider';
import { clientMessages } from '@/i18n/config';
import { getLocale } from '@/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SurgeWatch', template: '%s · SurgeWatch' },
  description: 'Theo dõi áp lực COVID-19 theo tuần và phương án ứng phó của tỉnh',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <AppIntlProvider locale={locale} messages={clientMessages(locale)}>
          {children}
        </AppIntlProvider>
      </body>
    </html>
  );
}
