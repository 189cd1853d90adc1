import Link from 'next/link';
import { getNumberFormats } from '@/i18n/server';
import { getTranslations } from '@/i18n/server';
import type { SurgeLevel } from '@/lib/surge';
import type { SurgeStatus } from '@/server/dashboard/province';
import { COMPARATOR_SYMBOL, LEVEL_STYLE } from './format';
import { criterionNotSettled, settlementOf } from './verdict-display';

/**
 * The province's banner, shown by the province layout on every page of the province: loud for the surge scenario,
 * quieter for early warning, nothing otherwise. Without the figures (status only, for agency officers) it names the
 * level, the week, the streak and the plan, not the values. A level the missing reports could still change is marked
 * "Chưa chốt" in the headline itself (nobody should act on it as final: the plan does not open on it), and the banner
 * says that the way the criteria combine is SurgeWatch's reading, not the appendix's text.
 */
export async function SurgeBanner({ status }: { status: SurgeStatus }) {
  const level: SurgeLevel = status.level;
  if (level !== 'surge' && level !== 'warning') return null;
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const met = status.criteria
    .filter((c) => c.met)
    .map((c) => ({
      key: c.key,
      unsettled: criterionNotSettled(c),
      text: t('banner.criterion', {
        name: tc(c.key),
        value: f.rate(c.rate ?? 0),
        comparator: COMPARATOR_SYMBOL[c.comparator],
        threshold: f.threshold(c.threshold),
      }),
    }));
  const style = LEVEL_STYLE[level];
  const surge = level === 'surge';
  const headline = t(surge ? 'banner.surgeHeadline' : 'banner.warningHeadline', { week: status.week });
  const { streak } = status;
  const settlement = settlementOf(status);
  return (
    <section
      data-testid="surge-banner"
      data-level={level}
      data-settlement={settlement}
      role={surge ? 'alert' : 'status'}
      className={`mb-6 rounded-lg border-l-8 ${surge ? 'border-red-700 p-4' : 'border-amber-600 px-4 py-3'} ${style.className}`}
    >
      <p className={surge ? 'text-lg font-bold' : 'text-base font-semibold'}>
        <span aria-hidden="true">{style.symbol} </span>
        {headline}
        {settlement === 'notSettled' && (
          <span
            className="ml-2 inline-block rounded border-2 border-dashed border-current bg-white/70 px-2 align-middle text-sm font-bold"
            data-testid="not-settled"
          >
            {tl('notSettled')}
          </span>
        )}
      </p>
      {settlement === 'notSettled' && (
        <p className="mt-1 text-sm font-semibold" data-testid="not-settled-note">
          {tl('notSettledLong')}
          {' — '}
          {t('banner.reported', { reported: status.reported, expected: status.expected })}
        </p>
      )}
      {met.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium" aria-label={t('banner.metCriteria')}>
          {met.map((m) => (
            <li key={m.key}>
              <span aria-hidden="true">▲ </span>
              {m.text}
              {m.unsettled && <span className="font-normal"> · {tl('criterionNotSettled')}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-sm">
        {streak.since &&
          (streak.complete
            ? t('banner.streak', { weeks: streak.weeks, since: streak.since })
            : t('banner.streakAtLeast', { weeks: streak.weeks, since: streak.since }))}
        {settlement === 'settledProvisional' && (
          <> · {t('banner.settledProvisional', { reported: status.reported, expected: status.expected })}</>
        )}
        {settlement === 'provisional' && (
          <> · {t('banner.provisional', { reported: status.reported, expected: status.expected })}</>
        )}
      </p>
      <p className="mt-1 text-sm">{t('banner.plan', { name: status.plan.name, source: status.plan.sourceDocument })}</p>
      <p className="mt-1 text-xs" data-testid="combination-note">
        {tl('combination', { rule: status.plan.rule })}
      </p>
      {!surge && <p className="mt-1 text-xs">{tl('warningHelp')}</p>}
      <p className="mt-2">
        <Link
          href={`/provinces/${status.provinceCode}/response`}
          className={`inline-block rounded font-semibold underline-offset-2 hover:underline ${surge ? 'bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800' : 'text-sm text-amber-950 underline'}`}
        >
          {t('banner.checklist')} →
        </Link>
      </p>
    </section>
  );
}
