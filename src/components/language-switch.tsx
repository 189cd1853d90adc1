import { getLocale, getTranslations } from '@/i18n/server';
import { LOCALES } from '@/i18n/config';
import { setLocale } from '@/server/actions/locale';

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('nav');
  return (
    <form action={setLocale} className="flex items-center gap-1 text-sm" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          aria-pressed={l === locale}
          className={`rounded px-2 py-1 uppercase ${l === locale ? 'bg-sky-800 font-semibold text-white' : 'text-slate-600 hover:bg-slate-200'}`}
        >
          {l}
        </button>
      ))}
    </form>
  );
}
