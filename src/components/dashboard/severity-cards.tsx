import { getNumberFormats, getTranslations } from '@/i18n/server';
import { SEVERITY_FIELDS, severityRates, type SeverityField } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { GrowthLine, growthHelp, growthWording } from './growth-line';

/** A severity figure of a week as shown on the cards and in the print brief; "—"-able parts are null. */
export interface SeverityShown {
  count: number | null;
  /** per 100,000, formatted; null when not reported or no population applies */
  rate: string | null;
  /** deaths only: "7,0 /1.000.000 dân" (the plans' unit) */
  perMillion: string | null;
}

/** One way to show the severity figures, for the cards and the brief: rates per 100,000, deaths also per 1,000,000. */
export async function severityDisplay(): Promise<(week: WeekFigures) => Record<SeverityField, SeverityShown>> {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  return (week) => {
    const rates = week.population === null ? null : severityRates(week.counts, week.population);
    const shown = (field: SeverityField): SeverityShown => {
      const rate = rates?.[field] ?? null;
      const perMillion = field === 'deaths' ? (rates?.deathsPerMillion ?? null) : null;
      return {
        count: week.counts[field] ?? null,
        rate: rate === null ? null : f.rate(rate),
        perMillion: perMillion === null ? null : t('severity.perMillion', { rate: f.rate(perMillion) }),
      };
    };
    return { severeCases: shown('severeCases'), newAdmissions: shown('newAdmissions'), deaths: shown('deaths') };
  };
}

/**
 * "Mức độ nặng": the severity figures of the last of `recent` (oldest first) as rates per 100,000 (deaths also per
 * 1,000,000, the plans' unit), with the count and how fast it grows. No plan judges them yet, so no threshold and no
 * met/unmet colour: neutral cards, a row below the four criteria. Not reported reads "—", never 0. On a district's
 * page (`district`), a line says why the provincial hospitals' figures are not there.
 */
export async function SeverityCards({
  recent,
  district = false,
}: {
  recent: readonly WeekFigures[];
  district?: boolean;
}) {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  const growth = await growthWording();
  const help = await growthHelp();
  const current = recent[recent.length - 1]!;
  const shown = (await severityDisplay())(current);
  return (
    <section aria-labelledby="severity" className="mt-4" data-testid="severity-cards">
      <h3 id="severity" className="text-sm font-semibold text-slate-800">
        {t('severity.title')}
      </h3>
      <p className="text-xs text-slate-600">{t('severity.note')}</p>
      {district && (
        <p className="text-xs text-slate-600" data-testid="severity-district-note">
          {t('severity.districtNote')}
        </p>
      )}
      <ul className="mt-2 grid gap-3 sm:grid-cols-3">
        {SEVERITY_FIELDS.map((field) => {
          const { count, rate, perMillion } = shown[field];
          return (
            <li
              key={field}
              data-severity={field}
              data-reported={count === null ? 'false' : 'true'}
              className="flex flex-col rounded-lg border border-slate-300 bg-slate-50 p-3"
            >
              <p className="text-sm font-medium text-slate-700">{t(`severity.${field}`)}</p>
              <p className="mt-1 text-2xl font-bold tabular-nums text-slate-900">
                {rate ?? '—'}{' '}
                {rate !== null && <span className="text-xs font-normal text-slate-600">{t('severity.per100k')}</span>}
              </p>
              {count === null ? (
                <p className="text-xs text-slate-600">{t('severity.notReported')}</p>
              ) : (
                <p className="text-xs text-slate-700">
                  {t('severity.count', { count: f.integer(count) })}
                  {perMillion && <> · {perMillion}</>}
                  {current.population === null && <> · {t('severity.noPopulation')}</>}
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
