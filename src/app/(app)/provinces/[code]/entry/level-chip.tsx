'use client';
import { useTranslations } from 'use-intl/react';
import { LEVEL_STYLE } from '@/components/surge/format';
import type { SurgeLevel } from '@/lib/surge';

/** The client twin of LevelBadge (a server component): symbol + word, never colour alone. */
export function LevelChip({ level, provisional = false }: { level: SurgeLevel; provisional?: boolean }) {
  const t = useTranslations('levels');
  const style = LEVEL_STYLE[level];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {t(level)}
      {provisional && <span className="font-normal">· {t('provisional')}</span>}
    </span>
  );
}
