import type { SurgeLevel } from '@/lib/surge';
import { LEVEL_STYLE } from './format';

// The level badge's markup, with its words passed in: no server imports, so client components (the national overview's
// rows) draw it too. LevelBadge (level-badge.tsx) is the server component that translates the words itself.

export interface LevelBadgeProps {
  level: SurgeLevel;
  provisional?: boolean;
  size?: 'sm' | 'lg';
}

/** A level as symbol + word (never colour alone), its words already translated: long tables translate once for all rows. */
export function LevelBadgeView({
  level,
  provisional = false,
  size = 'sm',
  label,
  provisionalLabel,
}: LevelBadgeProps & { label: string; provisionalLabel: string }) {
  const style = LEVEL_STYLE[level];
  const sizing = size === 'lg' ? 'gap-2 px-3 py-1 text-base' : 'gap-1 px-2 py-0.5 text-xs';
  return (
    <span
      data-level={level}
      className={`inline-flex items-center whitespace-nowrap rounded-full border font-semibold ${sizing} ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {label}
      {provisional && <span className="font-normal">· {provisionalLabel}</span>}
    </span>
  );
}
