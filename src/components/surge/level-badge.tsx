import { getTranslations } from '@/i18n/server';
import type { SurgeLevel } from '@/lib/surge';
import { LEVEL_STYLE } from './format';

export async function LevelBadge({ level, provisional = false }: { level: SurgeLevel; provisional?: boolean }) {
  const t = await getTranslations('levels');
  const style = LEVEL_STYLE[level];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${style.className}`}>
      <span aria-hidden="true">{style.symbol}</span>
      {t(level)}
      {provisional && <span className="font-normal">· {t('provisional')}</span>}
    </span>
  );
}
