'use client';
import { useTranslations } from 'use-intl/react';
import type { LevelChange } from '@/lib/contracts/reports';
import { LevelChip } from './level-chip';

// The level change of a save (src/server/reports/level-change.ts) as the grid and the import page show it: before the
// save, what it will do, for the user to confirm; after it, what it did. The API says the same in the same words
// (src/server/reports/api-responses.ts levelChangeMessage).

/** The change in one sentence: the week, from → to, settled or not, and what the plan will do or did. */
export function useLevelChangeText(): (c: LevelChange, tense: 'will' | 'did') => string {
  const t = useTranslations('entry.levelChange');
  return (c, tense) => {
    const level = (l: string) => t('level', { level: l });
    const change = t('change', { week: c.week, from: level(c.from), to: level(c.to), settled: String(c.settled) });
    return c.action === 'none' ? change : `${change} ${t(`${tense}.${c.action}`, { agencies: c.agencies })}`;
  };
}

/** The warning before the save: about the whole province, so shown above the rows' warnings and apart from them. */
export function LevelChangeNotice({ change }: { change: LevelChange }) {
  const t = useTranslations('entry.levelChange');
  // opening or withdrawing the plan sets two dozen bodies to work, or stops them: the strongest tone
  const strong = change.action === 'open' || change.action === 'withdraw';
  return (
    <div
      className={`rounded-md border-l-8 bg-white p-3 ${strong ? 'border-red-700' : 'border-amber-600'}`}
      data-testid="level-change"
      data-action={change.action}
    >
      <p className="text-base font-bold text-slate-950">{t('title')}</p>
      {/* the chips for the eye; the sentence below says the same to a screen reader */}
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-900" aria-hidden="true">
        <span className="font-medium">
          {t('province')}, {change.week}:
        </span>
        <LevelChip level={change.from} />
        <span className="inline-flex items-center gap-2 whitespace-nowrap">
          →
          <LevelChip level={change.to} settled={change.settled} provisional={!change.settled} />
        </span>
        {/* an unsettled level carries its own "Chưa chốt" mark; a settled one is said so in words */}
        {change.settled && <span className="text-xs text-slate-700">{t('settled')}</span>}
      </p>
      <p className="sr-only">
        {t('change', {
          week: change.week,
          from: t('level', { level: change.from }),
          to: t('level', { level: change.to }),
          settled: String(change.settled),
        })}
      </p>
      {change.action !== 'none' && (
        <p className={`mt-2 text-sm font-semibold ${strong ? 'text-red-900' : 'text-amber-950'}`}>
          {t(`will.${change.action}`, { agencies: change.agencies })}
        </p>
      )}
    </div>
  );
}
