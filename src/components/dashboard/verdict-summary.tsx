import { LevelBadge } from '@/components/surge/level-badge';
import { getTranslations } from '@/i18n/server';
import type { WeekFigures } from '@/server/verdicts/series';
import { getNumberFormats } from '@/i18n/server';

/** The week's level in one line, with completeness: what a leader reads first under the banner. */
export async function VerdictSummary({ figures, title }: { figures: WeekFigures; title: string }) {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  const missing = figures.expected - figures.reported;
  return (
    <div className="mb-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="verdict" className="text-lg font-semibold">
          {title}
        </h2>
        <LevelBadge level={figures.level} provisional={figures.provisional} size="lg" />
        <span className="text-sm text-slate-700" data-testid="completeness">
          {t('verdict.completeness', {
            reported: figures.reported,
            expected: figures.expected,
            percent: f.percent(figures.expected ? figures.reported / figures.expected : 0),
          })}
        </span>
      </div>
      {missing > 0 && <p className="mt-1 text-sm text-amber-900">{t('verdict.provisional', { missing })}</p>}
    </div>
  );
}
