import type { SurgeLevel } from '@/lib/surge';
import { LEVEL_STYLE } from './format';
import { settlementOf } from './verdict-display';

// The level badge's markup, with its words passed in: no server imports, so client components (the national overview's
// rows, the entry grid) draw it too. LevelBadge (level-badge.tsx) is the server component that translates the words itself.

export interface LevelBadgeProps {
  level: SurgeLevel;
  provisional?: boolean;
  /**
   * Whether the missing reports could still change the level (SurgeVerdict.settled). Left out by views of verdicts
   * recorded before it existed: they keep the "provisional" wording.
   */
  settled?: boolean;
  size?: 'sm' | 'lg';
  /** false where a sentence beside the badge already says "thiếu báo cáo nhưng kết luận không đổi" */
  quietNote?: boolean;
}

export interface LevelBadgeLabels {
  label: string;
  provisionalLabel: string;
  /** "Chưa chốt": required when `settled` may be false */
  notSettledLabel?: string;
  /** "thiếu báo cáo nhưng kết luận không đổi" */
  settledProvisionalLabel?: string;
}

/**
 * A level as symbol + word (never colour alone), its words already translated: long tables translate once for all rows.
 * A level that can still change carries a "not settled" mark of its own (and a dashed outline), so nobody reads it as
 * final; one that cannot change despite missing reports carries only a quiet note.
 */
export function LevelBadgeView({
  level,
  provisional = false,
  settled,
  size = 'sm',
  quietNote = true,
  label,
  provisionalLabel,
  notSettledLabel,
  settledProvisionalLabel,
}: LevelBadgeProps & LevelBadgeLabels) {
  const style = LEVEL_STYLE[level];
  const settlement = settlementOf({ level, provisional, settled });
  // a small badge sits in table cells and narrow columns: it wraps ("Cảnh báo sớm (mức của SurgeWatch)" is long)
  // rather than push the table wider than the screen
  const sizing =
    size === 'lg' ? 'gap-2 whitespace-nowrap rounded-full px-3 py-1 text-base' : 'gap-1 rounded-xl px-2 py-0.5 text-xs';
  const pill = (
    <span
      data-level={level}
      data-settlement={settlement}
      className={`inline-flex items-center border font-semibold ${settlement === 'notSettled' ? 'border-dashed' : ''} ${sizing} ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {label}
      {settlement === 'notSettled' && (
        <span
          className="rounded border border-dashed border-current bg-white/70 px-1 font-bold"
          data-testid="not-settled"
        >
          {notSettledLabel ?? provisionalLabel}
        </span>
      )}
      {settlement === 'provisional' && <span className="font-normal">· {provisionalLabel}</span>}
    </span>
  );
  if (settlement !== 'settledProvisional' || !quietNote) return pill;
  // the quiet note sits beside the pill, free to wrap on a phone
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1">
      {pill}
      <span className={`text-slate-600 ${size === 'lg' ? 'text-sm' : 'text-xs'}`}>
        {settledProvisionalLabel ?? provisionalLabel}
      </span>
    </span>
  );
}
