import { getFormatters, getTranslations } from '@/i18n/server';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { Plan, SurgeVerdict } from '@/lib/surge';
import { COMPARATOR_SYMBOL, LEVEL_STYLE } from './format';

/** The province's banner: loud for the surge scenario, quieter for early warning, nothing otherwise. */
export async function SurgeBanner({ verdict, week, plan }: { verdict: SurgeVerdict; week: IsoWeek; plan: Plan }) {
  if (verdict.level !== 'surge' && verdict.level !== 'warning') return null;
  const t = await getTranslations('banner');
  const tc = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getFormatters();
  const met = verdict.criteria
    .filter((c) => c.met)
    .map((c) => `${tc(c.key)} ${f.decimal(c.rate ?? 0)} (${COMPARATOR_SYMBOL[c.comparator]} ${f.integer(c.threshold)})`)
    .join('; ');
  const style = LEVEL_STYLE[verdict.level];
  return (
    <section data-testid="surge-banner" role={verdict.level === 'surge' ? 'alert' : 'status'}
      className={`mb-6 rounded-lg border-l-8 p-4 ${style.className} ${verdict.level === 'surge' ? 'border-red-700' : 'border-amber-600'}`}>
      <p className="text-base font-bold">
        <span aria-hidden="true">{style.symbol} </span>
        {t(verdict.level, { week: formatIsoWeek(week), criteria: met })}
        {verdict.provisional && <span className="ml-2 text-sm font-normal">({tl('provisional')})</span>}
      </p>
      <p className="mt-1 text-sm">
        {plan.name} — {plan.sourceDocument}
      </p>
      {verdict.level === 'warning' && <p className="mt-1 text-xs">{tl('warningHelp')}</p>}
    </section>
  );
}
