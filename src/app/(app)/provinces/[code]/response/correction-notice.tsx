import { getNumberFormats, getTranslations } from '@/i18n/server';
import { FIGURE_FIELDS, type Figures } from '@/lib/validations/figures';
import type { ActivationCorrection } from '@/server/activation/withdraw';
import type { DateTexts } from '../../../tasks/display';

/**
 * A correction of the activation's week after it opened (issue 13, item 4): who changed which figures of which unit,
 * and the week's verdict before and after. On an open plan the leaders decide what it means; on a withdrawn one it
 * says why the plan was withdrawn.
 */
export async function CorrectionNotice({
  correction: c,
  provinceCode,
  open,
  f,
}: {
  correction: ActivationCorrection;
  provinceCode: string;
  open: boolean;
  f: DateTexts;
}) {
  const [t, tLevels, tFields, tProvince, n] = await Promise.all([
    getTranslations('response'),
    getTranslations('levels'),
    getTranslations('entry'),
    getTranslations('province'),
    getNumberFormats(),
  ]);
  const value = (v: number | null | undefined) =>
    v === null || v === undefined ? t('correction.empty') : Number.isInteger(v) ? n.integer(v) : n.decimal(v, 2);
  const level = (l: ActivationCorrection['levelBefore'], settled: boolean) =>
    `${tLevels(l)}${settled ? '' : ` ${t('correction.notSettled')}`}`;
  const stillSurge = c.levelAfter === 'surge' && c.settledAfter;
  return (
    <div
      className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="activation-correction"
      role={open && !stillSurge ? 'note' : undefined}
    >
      <h3 className="font-semibold">{t('correction.title', { week: c.week })}</h3>
      <p>{t('correction.by', { name: c.by.name ?? c.by.label, at: f.dateTime(c.at) })}</p>
      <p className="font-medium">
        {t('correction.level', {
          before: level(c.levelBefore, c.settledBefore),
          after: level(c.levelAfter, c.settledAfter),
        })}
      </p>
      {c.changes.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {c.changes.map((change) => (
            <li key={change.unitCode}>
              <span className="font-medium">
                {change.unitCode === provinceCode ? tProvince('ownRow') : change.unitName}
              </span>
              {': '}
              {change.before === null
                ? `${t('correction.newRow')}`
                : changedFields(change.before, change.after)
                    .map((field) =>
                      t('correction.change', {
                        field: tFields(`fields.${field}`),
                        before: value(change.before?.[field]),
                        after: value(change.after[field]),
                      }),
                    )
                    .join('; ')}
            </li>
          ))}
        </ul>
      )}
      {open && <p className="mt-1 font-medium">{stillSurge ? t('correction.stillSurge') : t('correction.decide')}</p>}
    </div>
  );
}

function changedFields(before: Figures, after: Figures) {
  return FIGURE_FIELDS.filter((field) => before[field] !== after[field]);
}
