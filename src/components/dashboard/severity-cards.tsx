import { getNumberFormats, getTranslations } from '@/i18n/server';
import { SEVERITY_FIELDS, severityRates } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { GrowthLine, growthHelp, growthWording } from './growth-line';

/**
 * "Mức độ nặng": the severity figures of the last of `recent` (oldest first) as rates per 100,000 (deaths also per
 * 1,000,000, the plans' unit), with the count and how fast it grows. No plan judges them yet, so no threshold and no
 * met/unmet colour: neutral cards, a row below the four criteria. Not reported reads "—", never 0.
 */
export async function SeverityCards({ recent }: { recent: readonly WeekFigures[] }) {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  const growth = await growthWording();
  const help = await growthHelp();
  const current = recent[recent.length - 1]!;
  const rates = current.population === null ? null : severityRates(current.counts, current.population);
  return (
    <section aria-labelledby="severity" className="mt-4" data-testid="severity-cards">
      <h3 id="severity" className="text-sm font-semibold text-slate-800">
        {t('severity.title')}
      </h3>
      <p className="mb-2 text-xs text-slate-600">{t('severity.note')}</p>
      <ul className="grid gap-3 sm:grid-cols-3">
        {SEVERITY_FIELDS.map((field) => {
          const count = current.counts[field] ?? null;
          const rate = rates?.[field] ?? null;
          return (
            <li
              key={field}
              data-severity={field}
              data-reported={count === null ? 'false' : 'true'}
              className="flex flex-col rounded-lg border border-slate-300 bg-slate-50 p-3"
            >
              <p className="text-sm font-medium text-slate-700">{t(`severity.${field}`)}</p>
              <p className="mt-1 text-2xl font-bold tabular-nums text-slate-900">
                {rate === null ? '—' : f.rate(rate)}{' '}
                {rate !== null && <span className="text-xs font-normal text-slate-600">{t('severity.per100k')}</span>}
              </p>
              {count === null ? (
                <p className="text-xs text-slate-600">{t('severity.notReported')}</p>
              ) : (
                <p className="text-xs text-slate-700">
                  {t('severity.count', { count: f.integer(count) })}
                  {field === 'deaths' && rates?.deathsPerMillion != null && (
                    <> · {t('severity.perMillion', { rate: f.rate(rates.deathsPerMillion) })}</>
                  )}
                  {rates === null && <> · {t('severity.noPopulation')}</>}
                </p>
              )}
              <div className="mt-auto pt-2">
                <GrowthLine words={growth(recent, field)} testId="growth" />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-600">{help}</p>
    </section>
  );
}
