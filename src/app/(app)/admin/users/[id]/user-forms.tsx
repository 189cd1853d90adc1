'use client';
import { useTranslations } from 'use-intl/react';
import { resetPassword, setUserActive, updateUser } from '@/server/actions/admin-users';
import type { ScopeOptions, UserDetail } from '@/lib/contracts/admin';
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

const box = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4';

export function EditUserForm({ detail, options }: { detail: UserDetail; options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  const { result, action, onSubmit, pending } = useFormAction(updateUser);
  const fieldError = useFieldError();
  const text = useResultText();
  const nameError = fieldError(result, 'name');
  return (
    <form action={action} onSubmit={onSubmit} className={box} aria-labelledby="edit-title" noValidate>
      <h2 id="edit-title" className="font-semibold">
        {t('editTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t('editHelp')}</p>
      <input type="hidden" name="userId" value={detail.id} />
      <input type="hidden" name="stamp" value={detail.stamp} />
      <Field id="name" label={t('name')} error={nameError}>
        <input {...described('name', nameError)} defaultValue={detail.name} required className={inputClass} />
      </Field>
      <ScopeFields
        options={options}
        initial={{
          role: detail.role,
          provinceCode: detail.provinceCode,
          unitId: detail.unitId,
          agencyId: detail.agencyId,
        }}
        result={result}
      />
      <FormOutcome result={result} text={text(result)} />
      <SubmitButton label={t('save')} pendingLabel={t('saving')} pending={pending} />
    </form>
  );
}

export function ActiveForm({ detail, self }: { detail: UserDetail; self: boolean }) {
  const t = useTranslations('admin.users');
  const { result, action, onSubmit, pending } = useFormAction(setUserActive);
  const text = useResultText();
  return (
    <form action={action} onSubmit={onSubmit} className={box} aria-labelledby="active-title">
      <h2 id="active-title" className="font-semibold">
        {detail.active ? t('deactivateTitle') : t('reactivateTitle')}
      </h2>
      <p className="text-sm text-slate-600">{detail.active ? t('deactivateHelp') : t('reactivateHelp')}</p>
      <input type="hidden" name="userId" value={detail.id} />
      <input type="hidden" name="stamp" value={detail.stamp} />
      <input type="hidden" name="active" value={detail.active ? 'false' : 'true'} />
      <FormOutcome result={result} text={text(result)} />
      {self && detail.active ? (
        <p className="text-sm text-slate-600">{t('cannotDeactivateSelf')}</p>
      ) : (
        <SubmitButton
          label={detail.active ? t('deactivate') : t('reactivate')}
          pendingLabel={t('saving')}
          pending={pending}
          tone={detail.active ? 'danger' : 'primary'}
        />
      )}
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations('admin.users');
  const { result, action, onSubmit, pending } = useFormAction(resetPassword);
  const fieldError = useFieldError();
  const text = useResultText();
  const e = { password: fieldError(result, 'password'), confirm: fieldError(result, 'confirm') };
  return (
    <form action={action} onSubmit={onSubmit} className={box} aria-labelledby="reset-title" noValidate>
      <h2 id="reset-title" className="font-semibold">
        {t('resetTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t('resetHelp')}</p>
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="password" label={t('newPassword')} error={e.password} hint={t('passwordRule')}>
          <input
            {...described('password', e.password, 'hint')}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            className={inputClass}
          />
        </Field>
        <Field id="confirm" label={t('confirmPassword')} error={e.confirm}>
          <input
            {...described('confirm', e.confirm)}
            type="password"
            autoComplete="new-password"
            required
            className={inputClass}
          />
        </Field>
      </div>
      <FormOutcome result={result} text={text(result)} />
      <SubmitButton label={t('resetSubmit')} pendingLabel={t('saving')} pending={pending} />
    </form>
  );
}
