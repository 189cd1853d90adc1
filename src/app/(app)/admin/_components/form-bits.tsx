'use client';
import { startTransition, useActionState } from 'react';
import { useTranslations } from 'use-intl/react';
import type { AnyActionResult } from '@/lib/contracts/action-result';

// Small pieces shared by the admin and account forms: a labelled field with its error next to it, the form's outcome
// (announced to screen readers), and a submit button that shows it is working.

const SPECIFIC = new Set([
  'userCreated',
  'userSaved',
  'userRightsChanged',
  'userDeactivated',
  'userReactivated',
  'passwordReset',
  'noChange',
  'planVersionSaved',
  'populationSaved',
  'passwordChanged',
  'userChangedMeanwhile',
  'planChangedMeanwhile',
  'populationChangedMeanwhile',
  'cannotDeactivateSelf',
  'lastAdmin',
  'locked',
]);

export function useResultText() {
  const t = useTranslations('admin.results');
  return (result: AnyActionResult | null): string | null => {
    if (!result) return null;
    if (result.message && SPECIFIC.has(result.message)) return t(result.message as 'noChange');
    return result.ok ? t('saved') : t(result.code);
  };
}

export function useFieldError() {
  const t = useTranslations('admin.fieldErrors');
  return (result: AnyActionResult | null, field: string): string | undefined => {
    const key = result && !result.ok ? result.fieldErrors?.[field]?.[0] : undefined;
    if (!key) return undefined;
    return t.has(key as 'required') ? t(key as 'required') : t('invalid');
  };
}

export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200 aria-[invalid=true]:border-red-600';

export function Field({
  id,
  label,
  error,
  hint,
  wide,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes tying an input to its error or hint */
export function described(id: string, error: string | undefined, hint?: string) {
  return {
    id,
    name: id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

export function FormOutcome({ result, text }: { result: AnyActionResult | null; text: string | null }) {
  return (
    <p
      aria-live="polite"
      role={result && !result.ok ? 'alert' : 'status'}
      className={`min-h-5 text-sm ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}
    >
      {text && (result?.ok ? `✓ ${text}` : `✕ ${text}`)}
    </p>
  );
}

/**
 * A server action bound to a form. With JavaScript the submit is dispatched by hand, because React resets a form
 * after its action runs and a refused form must keep what the user typed; without JavaScript the form posts the same
 * action natively.
 */
export function useFormAction<R>(serverAction: (prev: R | null, formData: FormData) => Promise<R | null>) {
  const [result, dispatch, pending] = useActionState(serverAction, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { result, action: dispatch, onSubmit, pending };
}

export function SubmitButton({
  label,
  pendingLabel,
  pending,
  tone = 'primary',
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  tone?: 'primary' | 'danger' | 'plain';
}) {
  const colours =
    tone === 'danger'
      ? 'bg-red-700 text-white hover:bg-red-800'
      : tone === 'plain'
        ? 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
        : 'bg-sky-800 text-white hover:bg-sky-900';
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${colours}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
