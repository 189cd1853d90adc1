'use client';
import { useTranslations } from 'use-intl/react';
import { savePlanVersion } from '@/server/actions/admin-plans';
import type { PlanEditorView } from '@/lib/contracts/admin';
import { COMPARATORS, CRITERIA, RULES } from '@/lib/validations/plans';
import {
  described,
  Field,
  FormOutcome,
  inputClass,
  SubmitButton,
  useFieldError,
  useFormAction,
  useResultText,
} from '../../_components/form-bits';

/** Saving never changes a version: it adds one, valid from a date no earlier than this week's Monday. */
export function PlanForm({ view, earliestLabel }: { view: PlanEditorView; earliestLabel: string }) {
  const t = useTranslations('admin.plans');
  const { result, action, onSubmit, pending } = useFormAction(savePlanVersion);
  const fieldError = useFieldError();
  const text = useResultText();
  const e = (f: string) => fieldError(result, f);
  const start = view.start;
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-5"
      aria-labelledby="plan-form-title"
      noValidate
    >
      <h2 id="plan-form-title" className="font-semibold">
        {view.plan ? t('newVersionTitle', { version: view.baseVersion + 1 }) : t('newPlanTitle')}
      </h2>
      <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-950">
        {t('pastWeeksKept', { week: view.lastCompleteWeek, current: view.currentWeek })}
      </p>
      <input type="hidden" name="target" value={view.target} />
      <input type="hidden" name="baseVersion" value={view.baseVersion} />
      {!view.plan && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label={t('planName')} error={e('name')}>
            <input {...described('name', e('name'))} required className={inputClass} />
          </Field>
          <Field id="sourceDocument" label={t('sourceDocument')} error={e('sourceDocument')}>
            <input {...described('sourceDocument', e('sourceDocument'))} required className={inputClass} />
          </Field>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="validFrom"
          label={t('validFrom')}
          error={e('validFrom')}
          hint={t('validFromHint', { date: earliestLabel })}
        >
          <input
            {...described('validFrom', e('validFrom'), 'hint')}
            type="date"
            min={view.earliestValidFrom}
            defaultValue={view.earliestValidFrom}
            required
            className={inputClass}
          />
        </Field>
        <Field id="rule" label={t('rule')} error={e('rule')} wide>
          <select {...described('rule', e('rule'))} defaultValue={start.rule} className={inputClass}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {t(`rules.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('thresholds')}</legend>
        <div className="space-y-3">
          {CRITERIA.map((c) => {
            const cmpError = e(`${c}Comparator`);
            const thrError = e(`${c}Threshold`);
            return (
              <div
                key={c}
                className="grid items-start gap-2 rounded-md border border-slate-100 p-2 sm:grid-cols-[1fr_11.5rem_8rem]"
              >
                <p className="pt-2 text-sm font-medium text-slate-800">
                  {t(`criteria.${c}`)}
                  <span className="block text-xs font-normal text-slate-500">{t(`criteriaHelp.${c}`)}</span>
                </p>
                <div>
                  <label htmlFor={`${c}Comparator`} className="sr-only">
                    {t('comparatorOf', { criterion: t(`criteria.${c}`) })}
                  </label>
                  <select
                    {...described(`${c}Comparator`, cmpError)}
                    defaultValue={start.criteria[c].comparator}
                    className={inputClass}
                  >
                    {COMPARATORS.map((k) => (
                      <option key={k} value={k}>
                        {t(`comparators.${k}`)}
                      </option>
                    ))}
                  </select>
                  {cmpError && (
                    <p id={`${c}Comparator-error`} className="mt-1 text-sm text-red-700">
                      {cmpError}
                    </p>
                  )}
                </div>
                <div>
                  <label htmlFor={`${c}Threshold`} className="sr-only">
                    {t('thresholdOf', { criterion: t(`criteria.${c}`) })}
                  </label>
                  <input
                    {...described(`${c}Threshold`, thrError)}
                    inputMode="decimal"
                    defaultValue={start.criteria[c].threshold}
                    className={inputClass}
                  />
                  {thrError && (
                    <p id={`${c}Threshold-error`} className="mt-1 text-sm text-red-700">
                      {thrError}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <Field id="note" label={t('note')} error={e('note')} hint={t('noteHint')}>
        <textarea {...described('note', e('note'), 'hint')} rows={2} required className={inputClass} />
      </Field>
      <FormOutcome result={result} text={text(result)} />
      <SubmitButton label={t('save')} pendingLabel={t('saving')} pending={pending} />
    </form>
  );
}
