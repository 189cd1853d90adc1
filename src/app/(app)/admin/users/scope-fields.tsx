'use client';
import { useState } from 'react';
import { useTranslations } from 'use-intl/react';
import { NATIONAL_ROLES, ROLES, type RoleName } from '@/lib/roles';
import type { AnyActionResult } from '@/lib/contracts/action-result';
import type { ScopeOptions } from '@/lib/contracts/admin';
import { described, Field, inputClass, useFieldError } from '../_components/form-bits';

/** Role, then only the scope that role needs: a province, a district of it, or an agency of its plan. */
export function ScopeFields({
  options,
  initial,
  result,
}: {
  options: ScopeOptions;
  initial: { role: RoleName | ''; provinceCode: string | null; unitId: number | null; agencyId: number | null };
  result: AnyActionResult | null;
}) {
  const t = useTranslations('admin.users');
  const tRole = useTranslations('roles');
  const fieldError = useFieldError();
  const [role, setRole] = useState<RoleName | ''>(initial.role);
  const [province, setProvince] = useState(initial.provinceCode ?? '');
  const needsProvince = role !== '' && !NATIONAL_ROLES.includes(role);
  const districts = options.districts.filter((d) => d.provinceCode === province);
  const agencies = options.agencies.filter((a) => a.provinceCode === province);
  const errors = {
    role: fieldError(result, 'role'),
    provinceCode: fieldError(result, 'provinceCode'),
    unitId: fieldError(result, 'unitId'),
    agencyId: fieldError(result, 'agencyId'),
  };
  return (
    <>
      <Field id="role" label={t('role')} error={errors.role} hint={role ? t(`roleHelp.${role}`) : undefined}>
        <select
          {...described('role', errors.role, role ? 'hint' : undefined)}
          value={role}
          onChange={(e) => setRole(e.target.value as RoleName)}
          required
          className={inputClass}
        >
          <option value="">{t('chooseRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </select>
      </Field>
      {needsProvince && (
        <Field id="provinceCode" label={t('province')} error={errors.provinceCode}>
          <select
            {...described('provinceCode', errors.provinceCode)}
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            required
            className={inputClass}
          >
            <option value="">{t('chooseProvince')}</option>
            {options.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === 'LOCAL_OFFICER' && (
        <Field id="unitId" label={t('district')} error={errors.unitId}>
          <select
            {...described('unitId', errors.unitId)}
            defaultValue={initial.unitId ?? ''}
            key={`d-${province}`}
            required
            className={inputClass}
          >
            <option value="">{province ? t('chooseDistrict') : t('chooseProvinceFirst')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === 'AGENCY_OFFICER' && (
        <Field
          id="agencyId"
          label={t('agency')}
          error={errors.agencyId}
          hint={province && agencies.length === 0 ? t('noAgencies') : undefined}
        >
          <select
            {...described('agencyId', errors.agencyId)}
            defaultValue={initial.agencyId ?? ''}
            key={`a-${province}`}
            required
            className={inputClass}
          >
            <option value="">{province ? t('chooseAgency') : t('chooseProvinceFirst')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
