import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { can } from '@/lib/permissions';
import { listApiTokens } from '@/server/tokens/api-tokens';
import { requireUser } from '@/server/auth/current-user';
import { TokensPanel } from './tokens-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entry');
  return { title: t('tokens.title') };
}

/** Personal API tokens: create (shown once), see when each was last used, revoke. */
export default async function TokensPage() {
  const user = await requireUser('/account/tokens');
  const t = await getTranslations('entry');
  if (!can(user, 'tokens.manage'))
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        {t('tokens.noAccess')}
      </p>
    );
  const tokens = await listApiTokens(user);
  return (
    <div className="max-w-4xl space-y-5">
      <h1 className="text-2xl font-bold">{t('tokens.title')}</h1>
      <div className="space-y-1 text-sm text-slate-700">
        <p>{t('tokens.intro')}</p>
        <p>{t('tokens.scope')}</p>
        <p>
          {t('tokens.usage')}{' '}
          <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">Authorization: Bearer sw_…</code>
        </p>
      </div>
      <TokensPanel tokens={tokens} />
    </div>
  );
}
