import { LevelBadge } from '@/components/surge/level-badge';
import { settlementOf } from '@/components/surge/verdict-display';
import { getNumberFormats, getTranslations } from '@/i18n/server';
import type { WeekFigures } from '@/server/verdicts/series';

/**
 * The week's level in one line, with completeness: what a leader reads first under the banner. A level the missing
 * reports could still change says so plainly ("Chưa chốt"); one they cannot change gets a quiet note only.
 */
export async function VerdictSummary({ figures, title }: { figures: WeekFigures; title: string }) {
  const t = await getTranslations('dashboard');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const missing = figures.expected - figures.reported;
  const settlement = settlementOf(figures);
  return (
    <div className="mb-3" data-settlement={settlement}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="verdict" className="text-lg font-semibold">
          {title}
        </h2>
        <LevelBadge
          level={figures.level}
          provisional={figures.provisional}
          settled={figures.settled}
          size="lg"
          quietNote={false}
        />
        <span className="text-sm text-slate-700" data-testid="completeness">
          {t('verdict.completeness', {
            reported: figures.reported,
            expected: figures.expected,
            percent: f.percent(figures.expected ? figures.reported / figures.expected : 0),
          })}
        </span>
      </div>
      {settlement === 'notSettled' && (
        <p className="mt-1 text-sm font-semibold text-amber-900" data-testid="not-settled-note">
          <span aria-hidden="true">◌ </span>
          {tl('notSettledLong')}
        </p>
      )}
      {missing > 0 &&
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
