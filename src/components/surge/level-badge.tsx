import { getTranslations } from '@/i18n/server';
import type { SurgeLevel } from '@/lib/surge';
import { LEVEL_STYLE } from './format';

export interface LevelBadgeProps {
  level: SurgeLevel;
  provisional?: boolean;
  size?: 'sm' | 'lg';
}

/** A level as symbol + word (never colour alone). */
export async function LevelBadge(props: LevelBadgeProps) {
  const t = await getTranslations('levels');
  return <LevelBadgeView {...props} label={t(props.level)} provisionalLabel={t('provisional')} />;
}

/** The same badge with its words already translated: for long tables, which translate once for all their rows. */
export function LevelBadgeView({ level, provisional = false, size = 'sm', label, provisionalLabel }: LevelBadgeProps & { label: string; provisionalLabel: string }) {
  const style = LEVEL_STYLE[level];
  const sizing = size === 'lg' ? 'gap-2 px-3 py-1 text-base' : 'gap-1 px-2 py-0.5 text-xs';
  return (
    <span data-level={level} className={`inline-flex items-center whitespace-nowrap rounded-full border font-semibold ${sizing} ${style.className}`}>
      <span aria-hidden="true">{style.symbol}</span>
      {label}
      {provisional && <span className="font-normal">· {provisionalLabel}</span>}
    </span>
  );
}
