import { getTranslations } from '@/i18n/server';

/** What section V is, how activation works, and that "early warning" is the product's own level. */
export async function HelpText() {
  const t = await getTranslations('response');
  return (
    <details className="mb-6 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
      <summary className="cursor-pointer font-semibold">{t('help.summary')}</summary>
      <div className="mt-2 space-y-2">
        <p>{t('help.sectionV')}</p>
        <p>{t('help.activation')}</p>
        <p>{t('help.leaders')}</p>
        <p>{t('help.warning')}</p>
      </div>
    </details>
  );
}
