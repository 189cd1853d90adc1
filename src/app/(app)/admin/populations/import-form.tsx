'use client';
import { useId, useState } from 'react';
import { useTranslations } from 'use-intl/react';
import { DataTable } from '@/components/ui/data-table';
import type { PopulationImportIssue } from '@/lib/contracts/populations';
import { importPopulations } from '@/server/actions/admin-populations';
import { SubmitButton, inputClass, useFormAction, useResultText } from '../_components/form-bits';

// The populations file of the province shown: uploaded through a server action, answered with the counts saved or
// every bad row (row, column, value, reason). Nothing is saved unless every row is good.

type Result = Awaited<ReturnType<typeof importPopulations>>;

function issuesOf(result: Result | null): { issues: PopulationImportIssue[]; total: number } | null {
  return result && !result.ok && 'issues' in result ? { issues: result.issues, total: result.total } : null;
}

export function PopulationImportForm({
  province,
  year,
  maxBytes,
  templateCsv,
}: {
  province: { code: string; name: string };
  year: number;
  maxBytes: number;
  templateCsv: string;
}) {
  const t = useTranslations('admin.populations.import');
  const { result, action, onSubmit, pending } = useFormAction(importPopulations);
  const resultText = useResultText();
  const [localError, setLocalError] = useState<string | null>(null);
  const fileId = useId();
  const sourceId = useId();
  const listed = issuesOf(result);
  const issueText = (i: PopulationImportIssue) => {
    const key = `issues.${i.code}` as 'issues.invalid';
    const values = { value: i.value ?? '', column: i.column ?? '', ...i.params };
    return t.has(key) ? t(key, values) : t('issues.invalid');
  };
  const fieldError = (field: string) => {
    const code = result && !result.ok && 'fieldErrors' in result ? result.fieldErrors?.[field]?.[0] : undefined;
    return code ? issueText({ line: null, column: field, value: null, code }) : undefined;
  };
  const fileError = localError ?? fieldError('file');
  const sourceError = fieldError('source');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    setLocalError(null);
    if (!file) {
      event.preventDefault();
      setLocalError(t('chooseFile'));
    } else if (file.size > maxBytes) {
      // the server refuses it too, but a body past Next's limit for actions would not reach our answer
      event.preventDefault();
      setLocalError(t('tooLarge', { kb: Math.floor(maxBytes / 1024) }));
    } else onSubmit(event);
  }

  function downloadTemplate() {
    const url = URL.createObjectURL(new Blob([templateCsv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `dan-so-${province.code}-${year}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  let outcome: string | null = null;
  if (result?.ok)
    outcome = result.message === 'noChange' ? t('noChange', { rows: result.data.rows }) : t('saved', result.data);
  else if (listed) outcome = t('invalid', { total: listed.total });
  else if (result && result.message === 'importBusy') outcome = t('busy');
  else if (result && !fileError && !sourceError) outcome = resultText(result);

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`} className="font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('help', { province: province.name })}</p>
      <button type="button" onClick={downloadTemplate} className="mt-2 text-sm text-sky-800 underline">
        {t('template', { year })}
      </button>
      <form action={action} onSubmit={submit} className="mt-3 flex flex-wrap items-start gap-4" noValidate>
        <input type="hidden" name="provinceCode" value={province.code} />
        <div>
          <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
            {t('file')}
          </label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={() => setLocalError(null)}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5"
          />
          {fileError && (
            <p id={`${fileId}-error`} role="alert" className="mt-1 text-sm text-red-700">
              {fileError}
            </p>
          )}
        </div>
        <div className="min-w-72">
          <label htmlFor={sourceId} className="block text-sm font-medium text-slate-700">
            {t('source')}
          </label>
          <input
            id={sourceId}
            name="source"
            placeholder={t('sourceHint')}
            aria-invalid={sourceError ? true : undefined}
            aria-describedby={sourceError ? `${sourceId}-error` : undefined}
            className={inputClass}
          />
          {sourceError && (
            <p id={`${sourceId}-error`} className="mt-1 text-sm text-red-700">
              {sourceError}
            </p>
          )}
        </div>
        <div className="self-end">
          <SubmitButton label={t('submit')} pendingLabel={t('submitting')} pending={pending} />
        </div>
      </form>
      <p
        aria-live="polite"
        role={result && !result.ok ? 'alert' : 'status'}
        data-testid="population-import-outcome"
        className={`mt-3 min-h-5 text-sm font-medium ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}
      >
        {outcome && (result?.ok ? `✓ ${outcome}` : `✕ ${outcome}`)}
        {listed && listed.total > listed.issues.length && ` ${t('listedFirst', { shown: listed.issues.length })}`}
      </p>
      {listed && (
        <div className="mt-2">
          <h3 className="mb-1 text-sm font-semibold">{t('issuesTitle')}</h3>
          <DataTable columns={[t('line'), t('column'), t('value'), t('reason')]} testId="population-import-issues">
            {listed.issues.map((i, n) => (
              <tr key={n}>
                <td className="px-3 py-1.5 tabular-nums">{i.line ?? t('wholeFile')}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{i.column ?? '—'}</td>
                <td className="px-3 py-1.5 break-all font-mono text-xs">{i.value ?? '—'}</td>
                <td className="px-3 py-1.5">{issueText(i)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
