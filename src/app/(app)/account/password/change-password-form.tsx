'use client';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl/react';
import { changeOwnPassword } from '@/server/actions/account-password';
import {
  described,
  Field,
  FormOutcome,
  inputClass,
  SubmitButton,
  useFieldError,
  useFormAction,
  useResultText,
} from '../../admin/_components/form-bits';

export function ChangePasswordForm() {
  const t = useTranslations('admin.account');
  const { result, action, onSubmit, pending } = useFormAction(changeOwnPassword);
  const fieldError = useFieldError();
  const text = useResultText();
  const form = useRef<HTMLFormElement>(null);
  // passwords do not stay on screen once they are saved
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  const e = {
    current: fieldError(result, 'current'),
    password: fieldError(result, 'password'),
    confirm: fieldError(result, 'confirm'),
  };
  return (
    <form
      ref={form}
      action={action}
      onSubmit={onSubmit}
      className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
    >
      <Field id="current" label={t('current')} error={e.current}>
        <input
          {...described('current', e.current)}
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <Field id="password" label={t('new')} error={e.password} hint={t('rule')}>
        <input
          {...described('password', e.password, 'hint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          className={inputClass}
        />
      </Field>
      <Field id="confirm" label={t('confirm')} error={e.confirm}>
        <input
          {...described('confirm', e.confirm)}
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </Field>
      <FormOutcome result={result} text={text(result)} />
      <SubmitButton label={t('submit')} pendingLabel={t('saving')} pending={pending} />
    </form>
  );
}
