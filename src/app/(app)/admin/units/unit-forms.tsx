'use client';
import { useId, useState } from 'react';
import { useTranslations } from 'use-intl/react';
import type { AnyActionResult } from '@/lib/contracts/action-result';
import type { FacilityRow, UnitRef } from '@/lib/contracts/admin-units';
import { viDate } from '@/lib/units';
import { addFacility, endFacility, importCatalogue, moveUserScope, renameFacility } from '@/server/actions/admin-units';
import {
  described,
  Field,
  FormOutcome,
  inputClass,
  SubmitButton,
  useFieldError,
  useFormAction,
  useResultText,
} from '../_components/form-bits';

// The forms of /admin/units. Their own outcomes are keys of 'admin.units.results' (with the values the action
// returns); the others are the admin forms' common ones.

type Outcome = AnyActionResult & { data?: unknown; params?: Record<string, string | number> };

function useUnitsResultText() {
  const t = useTranslations('admin.units.results');
  const common = useResultText();
  return (result: Outcome | null, values: Record<string, string | number> = {}): string | null => {
    if (!result) return null;
    const key = result.message as 'facilityAdded';
    if (result.message && t.has(key)) return t(key, { ...values, ...(result.params ?? {}) });
    return common(result);
  };
}

export function MoveScopeButton({ userId, stamp, to }: { userId: number; stamp: string; to: UnitRef }) {
  const t = useTranslations('admin.units');
  const { result, action, onSubmit, pending } = useFormAction(moveUserScope);
  const text = useUnitsResultText();
  return (
    <form action={action} onSubmit={onSubmit} className="mb-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="stamp" value={stamp} />
      <input type="hidden" name="toUnitId" value={to.id} />
      {!result?.ok && (
        <SubmitButton label={t('moveTo', { name: to.name })} pendingLabel={t('moving')} pending={pending} />
      )}
      <FormOutcome result={result} text={text(result, { to: to.name })} />
    </form>
  );
}

export function FacilityForms({ facility }: { facility: FacilityRow }) {
  const t = useTranslations('admin.units');
  const rename = useFormAction(renameFacility);
  const end = useFormAction(endFacility);
  const text = useUnitsResultText();
  const fieldError = useFieldError();
  const id = useId();
  const endError = fieldError(end.result, 'validTo');
  const nameError = fieldError(rename.result, 'name');
  return (
    <div className="flex flex-wrap items-start gap-4">
      <form action={rename.action} onSubmit={rename.onSubmit} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="unitId" value={facility.id} />
        <input type="hidden" name="stamp" value={facility.stamp} />
        <label className="text-xs font-medium text-slate-700">
          {t('name')}
          <input
            name="name"
            defaultValue={facility.name}
            required
            maxLength={160}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            className={inputClass}
          />
        </label>
        <SubmitButton label={t('rename')} pendingLabel={t('saving')} pending={rename.pending} tone="plain" />
        {nameError && (
          <p id={`${id}-name-error`} className="w-full text-sm text-red-700">
            {nameError}
          </p>
        )}
        <div className="w-full">
          <FormOutcome result={rename.result} text={text(rename.result)} />
        </div>
      </form>
      <form action={end.action} onSubmit={end.onSubmit} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="unitId" value={facility.id} />
        <input type="hidden" name="stamp" value={facility.stamp} />
        <label className="text-xs font-medium text-slate-700">
          {t('validTo')}
          <input
            name="validTo"
            type="date"
            required
            defaultValue={facility.validTo ?? ''}
            aria-invalid={endError ? true : undefined}
            aria-describedby={endError ? `${id}-end-error` : undefined}
            className={inputClass}
          />
        </label>
        <SubmitButton label={t('end')} pendingLabel={t('saving')} pending={end.pending} tone="danger" />
        {endError && (
          <p id={`${id}-end-error`} className="w-full text-sm text-red-700">
            {endError}
          </p>
        )}
        <div className="w-full">
          <FormOutcome result={end.result} text={text(end.result)} />
        </div>
      </form>
    </div>
  );
}

export function AddFacilityForm({ province }: { province: { code: string; name: string } }) {
  const t = useTranslations('admin.units');
  const { result, action, onSubmit, pending } = useFormAction(addFacility);
  const text = useUnitsResultText();
  const fieldError = useFieldError();
  const e = { name: fieldError(result, 'name'), validFrom: fieldError(result, 'validFrom') };
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="mt-4 grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      aria-label={`${t('add')} · ${province.name}`}
    >
      <input type="hidden" name="provinceCode" value={province.code} />
      <Field id="name" label={t('name')} error={e.name}>
        <input {...described('name', e.name)} required maxLength={160} className={inputClass} />
      </Field>
      <Field id="validFrom" label={t('validFrom')} error={e.validFrom}>
        <input {...described('validFrom', e.validFrom)} type="date" required className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton label={t('add')} pendingLabel={t('saving')} pending={pending} />
        <FormOutcome result={result} text={text(result)} />
      </div>
    </form>
  );
}

export function CatalogueImportForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations('admin.units');
  const { result, action, onSubmit, pending } = useFormAction(importCatalogue);
  const text = useUnitsResultText();
  const fieldError = useFieldError();
  const [localError, setLocalError] = useState<string | null>(null);
  const problems = result && !result.ok && 'problems' in result ? result : null;
  const e = {
    effectiveDate: fieldError(result, 'effectiveDate'),
    catalogue: fieldError(result, 'catalogue'),
    succession: fieldError(result, 'succession'),
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.files?.[0];
    const [catalogue, succession] = [file('catalogue'), file('succession')];
    setLocalError(null);
    if (!catalogue || !succession) {
      event.preventDefault();
      setLocalError(t('chooseFiles'));
    } else if (catalogue.size + succession.size > maxBytes) {
      // the server refuses it too, but a body past Next's limit for actions would not reach our answer
      event.preventDefault();
      setLocalError(t('tooLarge', { kb: Math.floor(maxBytes / 1024) }));
    } else onSubmit(event);
  }

  let values: Record<string, string | number> = {};
  if (result?.ok && result.message === 'catalogueApplied' && 'inserted' in result.data) {
    const d = result.data;
    values = {
      date: viDate(d.effectiveDate),
      inserted: d.inserted,
      ended: d.ended,
      continued: d.continued,
      successions: d.successions,
    };
  } else if (problems) values = { total: problems.total };
  else if (result && !result.ok && 'params' in result && result.params) values = { date: viDate(result.params.date) };
  const outcome = localError ? null : text(result as Outcome | null, values);

  return (
    <form
      action={action}
      onSubmit={submit}
      noValidate
      className="grid max-w-4xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      data-testid="catalogue-import"
    >
      <Field id="catalogue" label={t('catalogueFile')} error={e.catalogue ?? localError ?? undefined}>
        <input
          {...described('catalogue', e.catalogue ?? localError ?? undefined)}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm"
        />
      </Field>
      <Field id="succession" label={t('successionFile')} error={e.succession}>
        <input
          {...described('succession', e.succession)}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm"
        />
      </Field>
      <Field id="effectiveDate" label={t('effectiveDate')} error={e.effectiveDate}>
        <input {...described('effectiveDate', e.effectiveDate)} type="date" required className={inputClass} />
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton label={t('apply')} pendingLabel={t('applying')} pending={pending} />
        <div data-testid="catalogue-outcome">
          <FormOutcome result={result} text={outcome} />
        </div>
        {problems && (
          <div className="mt-2">
            <h3 className="text-sm font-semibold">{t('problemsTitle')}</h3>
            <ul className="mt-1 list-disc pl-5 font-mono text-xs text-red-800" data-testid="catalogue-problems">
              {problems.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
            {problems.total > problems.problems.length && (
              <p className="text-xs text-slate-600">{t('listedFirst', { shown: problems.problems.length })}</p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
