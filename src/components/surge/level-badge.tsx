import { getTranslations } from '@/i18n/server';
import { LevelBadgeView, type LevelBadgeProps } from './level-badge-view';

export { LevelBadgeView, type LevelBadgeProps };

/** A level as symbol + word (never colour alone), in the request's language. */
export async function LevelBadge(props: LevelBadgeProps) {
  const t = await getTranslations('levels');
  return <LevelBadgeView {...props} label={t(props.level)} provisionalLabel={t('provisional')} />;
}
