import { getTranslations } from '@/i18n/server';
import { LevelBadgeView, type LevelBadgeLabels, type LevelBadgeProps } from './level-badge-view';

export { LevelBadgeView, type LevelBadgeLabels, type LevelBadgeProps };

/** A level as symbol + word (never colour alone), in the request's language. */
export async function LevelBadge(props: LevelBadgeProps) {
  return <LevelBadgeView {...props} {...await levelBadgeLabels(props.level)} />;
}

/** The badge's words for a level, for views that draw many badges (translate once, pass them on). */
export async function levelBadgeLabels(level: LevelBadgeProps['level']): Promise<LevelBadgeLabels> {
  const t = await getTranslations('levels');
  return {
    label: t(level),
    provisionalLabel: t('provisional'),
    notSettledLabel: t('notSettled'),
    settledProvisionalLabel: t('settledProvisional'),
  };
}
