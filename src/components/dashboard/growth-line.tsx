import { getNumberFormats, getTranslations } from '@/i18n/server';
import {
  growthMessages,
  growthOfWeeks,
  growthWords,
  GROWTH_WEEKS,
  MIN_COUNT,
  MIN_DEATHS,
  MIN_PREVIOUS,
  MIN_REPORTED_WEEKS,
  STABLE_AFTER_WEEKS,
  type CoveredWeek,
  type GrowthField,
  type GrowthTranslate,
  type GrowthWords,
} from '@/lib/growth';

// "Tăng nhanh" in words: "↑ 35 % so với tuần trước · tăng gấp đôi sau ~2 tuần". Growth is computed on the counts and
// put into message keys by src/lib/growth.ts (tested there with the real messages); here it only gets the request's
// language, for the cards, the trends' captions and the print brief.

export type { GrowthWords } from '@/lib/growth';

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
export async function growthWording(): Promise<(weeks: readonly CoveredWeek[], field: GrowthField) => GrowthWords> {
  const t = (await getTranslations('dashboard')) as unknown as GrowthTranslate;
  const f = await getNumberFormats();
  return (weeks, field) => growthWords(growthMessages(growthOfWeeks(weeks, field)), t, f);
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
