import { getNumberFormats, getTranslations } from '@/i18n/server';
import {
  growthOf,
  GROWTH_WEEKS,
  MIN_COUNT,
  MIN_DEATHS,
  MIN_PREVIOUS,
  MIN_REPORTED_WEEKS,
  roundedPercent,
  roundedWeeks,
  STABLE_AFTER_WEEKS,
  type GrowthField,
  type DoublingTime,
} from '@/lib/growth';
import type { WeekFigures } from '@/server/verdicts/series';

// "Tăng nhanh" in words: "↑ 35 % so với tuần trước · tăng gấp đôi sau ~2 tuần". Growth is computed on the counts
// (src/lib/growth.ts); here it only becomes text, for the cards, the trends' captions and the print brief.

export interface GrowthWords {
  /** 'up' | 'down' | 'same' when a change is shown, null when it is "—" */
  direction: 'up' | 'down' | 'same' | null;
  /** "↑ 35 % so với tuần trước", or "so với tuần trước: — (tuần trước dưới 10)" */
  change: string;
  /** "tăng gấp đôi sau ~2 tuần" | "giảm một nửa sau ~2 tuần" | "ổn định"; null when it cannot be computed */
  doubling: string | null;
  doublingKind: DoublingTime['kind'] | null;
  /** both, with "(tạm tính)" when a week they rest on is provisional */
  line: string;
}

/** How growth is computed, in one sentence, with the thresholds from their constants. */
export async function growthHelp(): Promise<string> {
  const t = await getTranslations('dashboard');
  return t('growth.help', {
    minPrevious: MIN_PREVIOUS,
    min: MIN_COUNT,
    weeks: GROWTH_WEEKS,
    reported: MIN_REPORTED_WEEKS,
    minDeaths: MIN_DEATHS,
    stable: STABLE_AFTER_WEEKS,
  });
}

/** A function that words the growth of `field` at the last of `weeks` (oldest first, GROWTH_WEEKS of them or more). */
export async function growthWording(): Promise<(weeks: readonly WeekFigures[], field: GrowthField) => GrowthWords> {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  return (weeks, field) => {
    const g = growthOf(
      weeks.map((w) => w.counts),
      field,
    );
    const current = weeks[weeks.length - 1]?.counts[field];
    const previous = weeks[weeks.length - 2]?.counts[field];
    let direction: GrowthWords['direction'] = null;
    let change: string;
    if (g.change === null) {
      const reason = current == null ? 'current' : previous == null ? 'previous' : 'small';
      change = t('growth.none', { reason, min: MIN_PREVIOUS });
    } else {
      const percent = roundedPercent(g.change);
      direction = percent > 0 ? 'up' : percent < 0 ? 'down' : 'same';
      change = t(`growth.${direction}`, { percent: f.integer(Math.abs(percent)) });
    }
    let doubling: string | null = null;
    if (g.doubling) {
      const w = roundedWeeks(g.doubling.weeks);
      const weeksText = Number.isInteger(w) ? f.integer(w) : f.decimal(w, 1);
      doubling = t(`growth.${g.doubling.kind}`, { weeks: weeksText });
    }
    // the figures of a week some units have not reported are partial: a "fall" may be reports still to come
    const used = weeks.slice(g.doubling ? -GROWTH_WEEKS : -2);
    const provisional = (g.change !== null || g.doubling !== null) && used.some((w) => w.provisional);
    const parts = [change, doubling].filter((p): p is string => p !== null).join(' · ');
    return {
      direction,
      change,
      doubling,
      doublingKind: g.doubling?.kind ?? null,
      line: provisional ? t('growth.provisional', { line: parts }) : parts,
    };
  };
}

export function GrowthLine({ words, testId }: { words: GrowthWords; testId?: string }) {
  return (
    <p
      className="text-xs font-medium text-slate-800"
      data-testid={testId}
      data-direction={words.direction ?? 'none'}
      data-doubling={words.doublingKind ?? 'none'}
    >
      {words.line}
    </p>
  );
}
