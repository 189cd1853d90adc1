import { LevelBadge } from '@/components/surge/level-badge';
import { settlementOf } from '@/components/surge/verdict-display';
import { getLocale, getNumberFormats, getTranslations } from '@/i18n/server';
import { validityText } from '@/lib/units';
import type { WeekFigures } from '@/server/verdicts/series';
import type { UnitValidity, WeekStanding } from './week-standing';

/** "Chưa có dân số" or "Không đánh giá: …" where a level would be: a pill with a symbol, never a level's colour. */
export async function StandingPill({ standing, size = 'lg' }: { standing: WeekStanding; size?: 'sm' | 'lg' }) {
  if (standing === 'judged') return null;
  const t = await getTranslations('dashboard');
  const sizing = size === 'lg' ? 'gap-2 rounded-full px-3 py-1 text-base' : 'gap-1 rounded-xl px-2 py-0.5 text-xs';
  return (
    <span
      data-testid="week-standing"
      data-standing={standing}
      className={`inline-flex items-center border border-dashed border-slate-400 bg-slate-50 font-semibold text-slate-800 ${sizing}`}
    >
      <span aria-hidden="true">{standing === 'noPopulation' ? '∅' : '⊘'}</span>
      {standing === 'noPopulation' ? t('standing.noPopulation') : t(`standing.${standing}`)}
    </span>
  );
}

/**
 * The week's level in one line, with completeness: what a leader reads first under the banner. A level the missing
 * reports could still change says so plainly ("Chưa chốt"); one they cannot change gets a quiet note only. A week
 * without a verdict says why instead of a level (`standing`: no population, or outside the unit's validity); reports
 * stored under ended units and left out of the verdict are counted in a note.
 */
export async function VerdictSummary({
  figures,
  title,
  standing = 'judged',
  validity,
}: {
  figures: WeekFigures;
  title: string;
  standing?: WeekStanding;
  validity?: UnitValidity;
}) {
  const t = await getTranslations('dashboard');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const locale = await getLocale();
  const missing = figures.expected - figures.reported;
  const settlement = settlementOf(figures);
  const outside = standing === 'ended' || standing === 'notYet';
  return (
    <div className="mb-3" data-settlement={settlement} data-standing={standing}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="verdict" className="text-lg font-semibold">
          {title}
        </h2>
        {standing === 'judged' ? (
          <LevelBadge
            level={figures.level}
            provisional={figures.provisional}
            settled={figures.settled}
            size="lg"
            quietNote={false}
          />
        ) : (
          <StandingPill standing={standing} />
        )}
        {!outside && (
          <span className="text-sm text-slate-700" data-testid="completeness">
            {t('verdict.completeness', {
              reported: figures.reported,
              expected: figures.expected,
              percent: f.percent(figures.expected ? figures.reported / figures.expected : 0),
            })}
          </span>
        )}
      </div>
      {outside && validity && (
        <p className="mt-1 text-sm text-slate-700" data-testid="validity">
          {t('standing.validity', { validity: validityText(validity.validFrom, validity.validTo, locale) })}
        </p>
      )}
      {standing === 'noPopulation' && (
        <p className="mt-1 text-sm text-slate-700" data-testid="no-population-note">
          {t('standing.noPopulationLong')}
        </p>
      )}
      {!outside && figures.legacy > 0 && (
        <p className="mt-1 text-sm text-slate-700" data-testid="legacy-left-out">
          <span aria-hidden="true">⊘ </span>
          {t('standing.legacyLeftOut', { count: figures.legacy })}
        </p>
      )}
      {settlement === 'notSettled' && (
        <p className="mt-1 text-sm font-semibold text-amber-900" data-testid="not-settled-note">
          <span aria-hidden="true">◌ </span>
          {tl('notSettledLong')}
        </p>
      )}
      {!outside &&
        missing > 0 &&
        (settlement === 'settledProvisional' ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="settled-provisional-note">
            {t('verdict.settledProvisional', { missing })}
          </p>
        ) : (
          <p className="mt-1 text-sm text-amber-900">{t('verdict.provisional', { missing })}</p>
        ))}
    </div>
  );
}
