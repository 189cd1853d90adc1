'use client';
import { useId, useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'use-intl/react';
import { DataTable } from '@/components/ui/data-table';
import { DEFAULT_TOKEN_SCOPE, TOKEN_LIFETIMES, type TokenScope } from '@/lib/validations/api-token';
import { createToken, revokeToken } from '@/server/actions/tokens';
import type { TokenView } from '@/lib/contracts/tokens';

export function TokensPanel({ tokens }: { tokens: TokenView[] }) {
  const t = useTranslations('entry.tokens');
  const tErrors = useTranslations('entry.errors');
  const format = useFormatter();
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<string>('90');
  const [scope, setScope] = useState<TokenScope>(DEFAULT_TOKEN_SCOPE);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nameId = useId();
  const lifetimeId = useId();
  const scopeLabel = (s: TokenScope) => (s === 'read' ? t('scopeRead') : t('scopeReadWrite'));
  const date = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short' }) : '—';

  function create(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await createToken({ name, expiresInDays: lifetime === 'never' ? null : Number(lifetime), scope });
      if (result.ok) {
        setCreated(result.data.token);
        setName('');
        setScope(DEFAULT_TOKEN_SCOPE);
      } else {
        setError(result.fieldErrors?.name?.[0] ? tErrors('tokenName') : t('failed'));
      }
    });
  }

  function revoke(id: number, label: string) {
    if (!window.confirm(t('revokeConfirm', { name: label }))) return;
    startTransition(async () => {
      const result = await revokeToken({ id });
      setNotice(result.ok ? t('revoked', { name: label }) : t('failed'));
    });
  }

  return (
    <div className="space-y-5">
      <form
        onSubmit={create}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium">
            {t('name')}
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`${nameId}-err`}
            className="mt-1 w-80 rounded border border-slate-300 px-2 py-1"
            placeholder={t('namePlaceholder')}
          />
          <p id={`${nameId}-err`} aria-live="polite" className="text-sm text-red-800">
            {error}
          </p>
        </div>
        <div>
          <label htmlFor={lifetimeId} className="block text-sm font-medium">
            {t('lifetime')}
          </label>
          <select
            id={lifetimeId}
            value={lifetime}
            onChange={(e) => setLifetime(e.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          >
            {TOKEN_LIFETIMES.map((d) => (
              <option key={d} value={d}>
                {t('days', { days: d })}
              </option>
            ))}
            <option value="never">{t('never')}</option>
          </select>
        </div>
        <fieldset className="w-full">
          <legend className="text-sm font-medium">{t('scopeLegend')}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {(['read', 'read-write'] as const).map((s) => (
              <label
                key={s}
                className={`flex max-w-sm cursor-pointer gap-2 rounded border p-2 text-sm ${scope === s ? 'border-sky-700 bg-sky-50' : 'border-slate-300'}`}
              >
                <input
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => setScope(s)}
                  className="mt-1"
                />
                <span>
                  <span className="block font-semibold">{scopeLabel(s)}</span>
                  <span className="block text-slate-600">
                    {s === 'read' ? t('scopeReadHelp') : t('scopeReadWriteHelp')}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-sky-800 px-4 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {t('create')}
        </button>
      </form>
      {created && (
        <section
          role="status"
          className="rounded-lg border-2 border-emerald-500 bg-emerald-50 p-4"
          data-testid="new-token"
        >
          <p className="font-semibold text-emerald-950">{t('createdTitle')}</p>
          <p className="text-sm text-emerald-950">{t('createdHelp')}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm ring-1 ring-emerald-300">
              {created}
            </code>
            <button
              type="button"
              onClick={() => navigator.clipboard?.writeText(created).then(() => setNotice(t('copied')))}
              className="rounded border border-emerald-700 bg-white px-3 py-1 text-sm"
            >
              {t('copy')}
            </button>
          </div>
        </section>
      )}
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {notice}
      </p>
      {tokens.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <DataTable
          columns={[t('name'), t('scopeColumn'), t('prefix'), t('createdAt'), t('lastUsed'), t('expires')]}
          actionsLabel={t('actions')}
        >
          {tokens.map((tk) => (
            <tr key={tk.id} className={tk.revokedAt ? 'text-slate-500' : undefined}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {tk.name}
              </th>
              <td className="px-3 py-2" data-scope={tk.scope}>
                {scopeLabel(tk.scope)}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{tk.prefix}…</td>
              <td className="px-3 py-2">{date(tk.createdAt)}</td>
              <td className="px-3 py-2">{tk.lastUsedAt ? date(tk.lastUsedAt) : t('neverUsed')}</td>
              <td className="px-3 py-2">{tk.expiresAt ? date(tk.expiresAt) : t('noExpiry')}</td>
              <td className="px-3 py-2">
                {tk.revokedAt ? (
                  <span>{t('revokedAt', { at: date(tk.revokedAt) })}</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => revoke(tk.id, tk.name)}
                    disabled={pending}
                    className="rounded border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50"
                  >
                    {t('revoke')}
                    <span className="sr-only"> {tk.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
