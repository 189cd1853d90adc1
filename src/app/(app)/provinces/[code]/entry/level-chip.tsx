'use client';
import { useTranslations } from 'use-intl/react';
import { LevelBadgeView } from '@/components/surge/level-badge-view';
import type { SurgeLevel } from '@/lib/surge';

/**
 * The client twin of LevelBadge (a server component): symbol + word, never colour alone; with `settled`, a level the
 * missing reports could still change says "Chưa chốt".
 */
export function LevelChip({
  level,
  provisional = false,
  settled,
}: {
  level: SurgeLevel;
  provisional?: boolean;
  settled?: boolean;
}) {
  const t = useTranslations('levels');
  return (
    <LevelBadgeView
      level={level}
      provisional={provisional}
      settled={settled}
      label={t(level)}
      provisionalLabel={t('provisional')}
      notSettledLabel={t('notSettled')}
      settledProvisionalLabel={t('settledProvisional')}
    />
  );
}
