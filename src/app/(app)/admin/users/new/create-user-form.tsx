'use client';
import { useTranslations } from 'use-intl/react';
import { createUser } from '@/server/actions/admin-users';
import type { ScopeOptions } from '@/lib/contracts/admin';
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
import { ScopeFields } from '../scope-fields';

export function CreateUserForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  const { result, action, onSubmit, pending } = useFormAction(createUser);
  const fieldError = useFieldError();
  const text = useResultText();
  const e = {
    email: fieldError(result, 'email'),
    name: fieldError(result, 'name'),
    password: fieldError(result, 'password'),
  };
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
    >
      <Field id="email" label={t('email')} error={e.email}>
        <input {...described('email', e.email)} type="email" autoComplete="off" required className={inputClass} />
      </Field>
      <Field id="name" label={t('name')} error={e.name}>
        <input {...described('name', e.name)} required className={inputClass} />
      </Field>
      <ScopeFields
        options={options}
        initial={{ role: '', provinceCode: null, unitId: null, agencyId: null }}
        result={result}
      />
      <Field id="password" label={t('initialPassword')} error={e.password} hint={t('passwordRule')}>
        <input
          {...described('password', e.password, 'hint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          className={inputClass}
        />
      </Field>
      <FormOutcome result={result} text={text(result)} />
      <SubmitButton label={t('createSubmit')} pendingLabel={t('saving')} pending={pending} />
    </form>
  );
}
