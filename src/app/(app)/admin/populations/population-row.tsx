'use client';
import { useTranslations } from 'use-intl/react';
import { setPopulation } from '@/server/actions/admin-populations';
import type { PopulationFigureView } from '@/lib/contracts/admin';
import { SubmitButton, useFieldError, useFormAction, useResultText } from '../_components/form-bits';

const cellInput = 'w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

/**
 * One unit's figure for the year, saved on its own (the inputs belong to the row's form through form=). Without a
 * figure for the year the row says which earlier one the rates use, or that the unit has no population: no rate.
 */
export function PopulationRow({
  unit,
  year,
  figure,
  inUseText,
  noPopulation,
  lastChange,
}: {
  unit: { id: number; code: string; name: string; province: boolean; validity: string | null };
  year: number;
  figure: PopulationFigureView | null;
  inUseText: string | null;
  noPopulation: boolean;
  lastChange: string;
}) {
  const t = useTranslations('admin.populations');
  const { result, action, onSubmit, pending } = useFormAction(setPopulation);
  const fieldError = useFieldError();
  const text = useResultText();
  const formId = `pop-${unit.id}`;
  const e = {
    population: fieldError(result, 'population'),
    source: fieldError(result, 'source'),
    year: fieldError(result, 'year'),
  };
  const label = (what: string) => `${what} — ${unit.name}`;
  // the inputs start from the stored figure: one saved elsewhere (an import) remounts them with it, the row's result
  // staying as it is
  const stored = figure?.updatedAt ?? 'none';
  return (
    <tr className={unit.province ? 'bg-slate-50' : ''}>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {unit.name}
        <span className="block text-xs font-normal text-slate-600">
          <span className="font-mono">{unit.code}</span>
          {unit.province && ` · ${t('wholeProvince')}`}
          {unit.validity && ` · ${unit.validity}`}
        </span>
      </th>
      <td className="px-3 py-2">
        <input
          key={stored}
          form={formId}
          name="population"
          aria-label={label(t('population'))}
          inputMode="numeric"
          defaultValue={figure?.population ?? ''}
          aria-invalid={e.population ? true : undefined}
          aria-describedby={e.population ? `${formId}-pe` : undefined}
          className={`${cellInput} w-32`}
        />
        {e.population && (
          <p id={`${formId}-pe`} className="mt-1 text-xs text-red-700">
            {e.population}
          </p>
        )}
        {!figure && inUseText && <p className="mt-1 text-xs text-slate-500">{inUseText}</p>}
        {noPopulation && (
          <p className="mt-1 text-xs font-medium text-amber-800" data-testid="no-population">
            {t('noPopulation')}
          </p>
        )}
      </td>
      <td className="px-3 py-2 text-center">
        <input
          key={stored}
          form={formId}
          type="checkbox"
          name="approximate"
          aria-label={label(t('approximate'))}
          defaultChecked={figure?.approximate ?? false}
          className="h-4 w-4"
        />
      </td>
      <td className="px-3 py-2">
        <input
          key={stored}
          form={formId}
          name="source"
          aria-label={label(t('source'))}
          defaultValue={figure?.source ?? ''}
          aria-invalid={e.source ? true : undefined}
          aria-describedby={e.source ? `${formId}-se` : undefined}
          className={`${cellInput} min-w-56`}
        />
        {e.source && (
          <p id={`${formId}-se`} className="mt-1 text-xs text-red-700">
            {e.source}
          </p>
        )}
      </td>
      <td className="px-3 py-2 text-xs text-slate-600">{lastChange}</td>
      <td className="px-3 py-2">
        <form id={formId} action={action} onSubmit={onSubmit} className="flex flex-col items-start gap-1" noValidate>
          <input type="hidden" name="unitId" value={unit.id} />
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="expectedUpdatedAt" value={figure?.updatedAt ?? ''} />
          <SubmitButton label={t('save')} pendingLabel={t('saving')} pending={pending} tone="plain" />
          <span aria-live="polite" className={`text-xs ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}>
            {result && (result.ok ? `✓ ${text(result)}` : `✕ ${e.year ?? text(result)}`)}
          </span>
        </form>
      </td>
    </tr>
  );
}
