'use client';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl/react';
import { NATIONAL_ROLES, ROLES, type RoleName } from '@/lib/roles';
import type { AnyActionResult } from '@/lib/contracts/action-result';
import type { ScopeOptions, ScopeUnit } from '@/lib/contracts/admin';
import { viDate } from '@/lib/units';
import { scopeUnits } from '@/server/actions/admin-users';
import { described, Field, inputClass, useFieldError } from '../_components/form-bits';

/**
 * Role, then only the scope that role needs: a province, a unit of it (any level: its own row, a commune, a facility,
 * a former district; ended ones marked), or an agency of its plan. A province's units are loaded when it is chosen.
 */
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
  const [units, setUnits] = useState<{ of: string | null; list: ScopeUnit[] }>({
    of: options.unitsOf,
    list: options.units,
  });
  const wantsUnits = role === 'LOCAL_OFFICER' && province !== '' && units.of !== province;
  useEffect(() => {
    if (!wantsUnits) return;
    let current = true;
    scopeUnits(province).then(
      (result) => current && setUnits({ of: province, list: result.ok ? result.data : [] }),
      () => current && setUnits({ of: province, list: [] }),
    );
    return () => {
      current = false;
    };
  }, [wantsUnits, province]);
  const unitList = units.of === province ? units.list : [];
  const ended = (u: { validTo: string | null }) => u.validTo !== null && u.validTo < options.today;
  const agencies = options.agencies.filter((a) => a.provinceCode === province);
  const unitLabel = (u: ScopeUnit) => {
    const name = u.kind === 'province' ? t('provinceRow', { name: u.name }) : u.name;
    return ended(u) ? t('endedScope', { name, date: viDate(u.validTo!) }) : name;
  };
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
                {ended(p) ? t('endedScope', { name: p.name, date: viDate(p.validTo!) }) : p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === 'LOCAL_OFFICER' && (
        <Field id="unitId" label={t('unit')} error={errors.unitId} hint={t('unitHelp')}>
          <select
            {...described('unitId', errors.unitId, 'hint')}
            defaultValue={initial.unitId ?? ''}
            key={`d-${province}-${units.of}`}
            required
            aria-busy={wantsUnits || undefined}
            className={inputClass}
          >
            <option value="">
              {!province ? t('chooseProvinceFirst') : wantsUnits ? t('loadingUnits') : t('chooseUnit')}
            </option>
            {unitList.map((u) => (
              <option key={u.id} value={u.id}>
                {unitLabel(u)}
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
