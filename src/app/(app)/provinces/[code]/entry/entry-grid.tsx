'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl/react';
import type { Plan } from '@/lib/surge';
import { FIGURE_FIELDS, SEVERITY_FIGURE_FIELDS, type FigureField } from '@/lib/validations/figures';
import { saveFormerUnitWeek, saveWeek } from '@/server/actions/reports';
import type { ReportingSystem } from '@/lib/units';
import type { EntryUnit, LevelChange, RowWarning } from '@/lib/contracts/reports';
import { ConflictPanel, type Choice, type ConflictState } from './conflict-panel';
import { GridRowView } from './grid-row';
import {
  checkRow,
  isDirty,
  parseClipboardBlock,
  pasteBlock,
  toInput,
  valuesOf,
  verticalTarget,
  type GridRow,
} from './grid-state';
import { useLevelChangeText } from './level-change';
import { LiveTotal } from './live-total';
import { WarningsPanel } from './warnings-panel';

interface Props {
  provinceCode: string;
  week: string;
  plan: Plan;
  population: number | null;
  units: EntryUnit[];
  /** who reports what in the week: says who reports the figures a row has no cell for */
  system: ReportingSystem;
  /** the administrators' grid of reports under former units: its own save, no province total (never counted) */
  former?: boolean;
  /** the confirmation of a save, or null to take an earlier one away (a new save is waiting for the user) */
  onSaved: (message: string | null) => void;
}

type Located<T> = T & { index: number };

export function EntryGrid({ provinceCode, week, plan, population, units, system, former = false, onSaved }: Props) {
  const t = useTranslations('entry');
  const locale = useLocale();
  const router = useRouter();
  const [rows, setRows] = useState<GridRow[]>(() =>
    units.map((u) => ({
      unitCode: u.code,
      gsoCode: u.gsoCode,
      name: u.name,
      kind: u.kind,
      fields: u.fields,
      former: u.former,
      population: u.population,
      version: u.report?.version ?? 0,
      base: u.report?.figures ?? null,
      previous: u.previous,
      values: valuesOf(u.report?.figures ?? null, locale),
      updatedBy: u.report?.updatedBy ?? null,
      updatedAt: u.report?.updatedAt ?? null,
    })),
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<Located<RowWarning>[] | null>(null);
  /** shown with the warnings; its key goes back with the confirmation, so a different consequence asks again */
  const [levelChange, setLevelChange] = useState<LevelChange | null>(null);
  const levelChangeText = useLevelChangeText();
  const [conflicts, setConflicts] = useState<Record<number, ConflictState>>({});
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const checked = useMemo(() => rows.map(checkRow), [rows]);
  const names = Object.fromEntries(rows.map((r) => [r.unitCode, r.kind === 'province' ? t('grid.ownRow') : r.name]));

  const focusCell = (row: number, field: FigureField) => inputs.current.get(`${row}:${field}`)?.focus();

  function change(index: number, field: FigureField, value: string) {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, values: { ...r.values, [field]: value } } : r)));
    setServerErrors(({ [`${index}.${field}`]: _gone, ...rest }) => rest);
    setWarnings(null); // a warning confirmed is a warning about these figures, not new ones
    setLevelChange(null);
    setNotice(null);
  }

  function keyDown(event: React.KeyboardEvent<HTMLInputElement>, index: number, field: FigureField) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(false);
      return;
    }
    const down = (event.key === 'Enter' && !event.shiftKey) || event.key === 'ArrowDown';
    const up = (event.key === 'Enter' && event.shiftKey) || event.key === 'ArrowUp';
    if (!down && !up) return;
    event.preventDefault();
    const target = verticalTarget(rows, index, field, down ? 1 : -1);
    if (target !== null) focusCell(target, field);
  }

  function paste(event: React.ClipboardEvent<HTMLInputElement>, index: number, field: FigureField) {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the input pastes it itself
    event.preventDefault();
    const result = pasteBlock(rows, index, field, parseClipboardBlock(text));
    setRows(result.rows);
    setWarnings(null);
    setLevelChange(null);
    setServerErrors({});
    setNotice({ tone: 'info', text: t('grid.pasted', { filled: result.filled, ignored: result.ignored }) });
  }

  function save(confirm: boolean) {
    const errorCount = checked.reduce((n, c) => n + Object.keys(c.errors).length, 0);
    if (errorCount > 0) {
      setNotice({ tone: 'error', text: t('grid.fixErrors', { count: errorCount }) });
      const first = checked.findIndex((c) => Object.keys(c.errors).length > 0);
      focusCell(
        first,
        FIGURE_FIELDS.find((f) => checked[first]!.errors[f])!,
      );
      return;
    }
    if (Object.keys(conflicts).length > 0) {
      setNotice({ tone: 'error', text: t('conflict.resolveFirst') });
      return;
    }
    const dirty = rows.map((r, index) => ({ r, index })).filter(({ r }) => isDirty(r));
    if (dirty.length === 0) {
      setNotice({ tone: 'info', text: t('grid.nothingToSave') });
      return;
    }
    const payload = dirty.map(({ r }) => ({ unitCode: r.unitCode, version: r.version, ...r.values }));
    const confirmedKey = confirm ? (levelChange?.key ?? null) : null;
    startTransition(async () => {
      const result = await (former ? saveFormerUnitWeek : saveWeek)({
        provinceCode,
        isoWeek: week,
        rows: payload,
        confirmWarnings: confirm,
        confirmLevelChange: confirmedKey,
      });
      const gridIndex = (ref: number) => dirty[ref]!.index;
      if (result.ok) {
        setWarnings(null);
        setLevelChange(null);
        const { changed, levelChange: done } = result.data;
        if (changed === 0) setNotice({ tone: 'info', text: t('grid.noChange') });
        else if (done) onSaved(`${t('grid.savedShort', { count: changed })} ${levelChangeText(done, 'did')}`);
        else onSaved(t('grid.saved', { count: changed }));
        // fresh versions and "reported by" from the server; the grid remounts on them (see EntryWorkspace)
        router.refresh();
        return;
      }
      onSaved(null);
      if (result.code === 'refused') {
        setWarnings(result.warnings.map((w) => ({ ...w, index: gridIndex(w.ref) })));
        setLevelChange(result.levelChange);
        // confirmed, yet asked again: what the save does is no longer what the user saw
        const moved = confirmedKey !== null && result.levelChange !== null && result.levelChange.key !== confirmedKey;
        setNotice(moved ? { tone: 'error', text: t('levelChange.changedMeanwhile') } : null);
      } else if (result.code === 'conflict') {
        const next: Record<number, ConflictState> = {};
        for (const c of result.conflicts) {
          if (!c.stored) continue;
          const index = gridIndex(c.ref);
          const mine = checked[index]!.figures;
          next[index] = {
            stored: c.stored,
            fields: FIGURE_FIELDS.filter((f) => mine[f] !== c.stored!.figures[f]),
            choices: {},
          };
        }
        setConflicts(next);
        setNotice({ tone: 'error', text: t('conflict.summary', { count: result.conflicts.length }) });
      } else if (result.code === 'invalid') {
        // errors of the grid's cells go next to them; any other (the week, a unit's code) is said in the notice
        const errors: Record<string, string> = {};
        const general = new Set<string>();
        for (const e of result.cellErrors ?? []) {
          const field = e.field as FigureField;
          if (FIGURE_FIELDS.includes(field)) errors[`${gridIndex(e.ref)}.${field}`] ??= e.code;
          else general.add(e.code);
        }
        for (const codes of Object.values(result.fieldErrors ?? {})) general.add(codes[0]!);
        setServerErrors(errors);
        setNotice({
          tone: 'error',
          text:
            [...general].map((c) => (t.has(`errors.${c}`) ? t(`errors.${c}`) : t('errors.invalid'))).join(' ') ||
            t('grid.fixErrors', { count: Object.keys(errors).length }),
        });
      } else {
        setNotice({ tone: 'error', text: t(`actionErrors.${result.code}`) });
      }
    });
  }

  function choose(index: number, field: FigureField, choice: Choice) {
    setConflicts((cs) => ({ ...cs, [index]: { ...cs[index]!, choices: { ...cs[index]!.choices, [field]: choice } } }));
  }
  function chooseAll(index: number, choice: Choice) {
    setConflicts((cs) => ({
      ...cs,
      [index]: { ...cs[index]!, choices: Object.fromEntries(cs[index]!.fields.map((f) => [f, choice])) },
    }));
  }
  /** The merge: chosen cells take the stored figures, and the row now builds on the stored version. */
  function apply(index: number) {
    const c = conflicts[index]!;
    setRows((rs) =>
      rs.map((r, i) => {
        if (i !== index) return r;
        const values = { ...r.values };
        for (const f of c.fields) if (c.choices[f] === 'theirs') values[f] = toInput(c.stored.figures[f], locale);
        return {
          ...r,
          values,
          version: c.stored.version,
          base: c.stored.figures,
          updatedBy: c.stored.updatedBy,
          updatedAt: c.stored.updatedAt,
        };
      }),
    );
    setConflicts(({ [index]: _done, ...rest }) => rest);
    setNotice({ tone: 'info', text: t('conflict.applied') });
  }

  const cellErrors = (index: number) => {
    const out = { ...checked[index]!.errors };
    for (const f of FIGURE_FIELDS) out[f] ??= serverErrors[`${index}.${f}`];
    return out;
  };
  const hasErrors = checked.some((c) => Object.keys(c.errors).length > 0);

  return (
    <div className="space-y-4">
      {Object.entries(conflicts).map(([i, c]) => (
        <ConflictPanel
          key={i}
          index={Number(i)}
          row={rows[Number(i)]!}
          mine={checked[Number(i)]!.figures}
          conflict={c}
          onChoose={choose}
          onChooseAll={chooseAll}
          onApply={apply}
        />
      ))}
      {warnings && (
        <WarningsPanel
          warnings={warnings}
          levelChange={levelChange}
          names={names}
          pending={pending}
          onConfirm={() => save(true)}
          onDismiss={() => {
            setWarnings(null);
            setLevelChange(null);
          }}
        />
      )}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="grid-scroll">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t('grid.caption', { week })}</caption>
          <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-700">
            {/* the severity figures as one group: optional, judged by no plan */}
            <tr>
              {/* the unit column stays in view while the figures scroll sideways (40+ rows on a phone) */}
              <th scope="col" rowSpan={2} className="sticky left-0 z-20 bg-slate-100 px-3 py-2 align-bottom">
                {t('grid.unit')}
              </th>
              <td colSpan={FIGURE_FIELDS.length - SEVERITY_FIGURE_FIELDS.length} />
              <th
                scope="colgroup"
                colSpan={SEVERITY_FIGURE_FIELDS.length}
                className="border-l border-slate-300 px-1.5 pt-2 text-center"
                data-testid="severity-group"
              >
                {t('severity.group')}
                <span className="block font-normal text-slate-500">{t('grid.optional')}</span>
              </th>
              <th scope="col" rowSpan={2} className="px-3 py-2 align-bottom">
                {t('grid.ratesHeader')}
              </th>
            </tr>
            <tr>
              {FIGURE_FIELDS.map((f) => (
                <th
                  key={f}
                  scope="col"
                  className={`px-1.5 py-2 text-right align-bottom ${f === SEVERITY_FIGURE_FIELDS[0] ? 'border-l border-slate-300' : ''}`}
                >
                  {t(`fields.${f}`)}
                  {(f === 'totalCovidBeds' || f === 'totalIcuBeds') && (
                    <span className="block font-normal text-slate-500">{t('grid.optional')}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => (
              <GridRowView
                key={row.unitCode}
                row={row}
                index={index}
                figures={checked[index]!.figures}
                errors={cellErrors(index)}
                warnings={warnings?.filter((w) => w.index === index) ?? []}
                dirty={isDirty(row)}
                conflicted={index in conflicts}
                plan={plan}
                system={system}
                historyHref={
                  row.base
                    ? `/provinces/${provinceCode}/entry/history/${encodeURIComponent(row.unitCode)}?week=${week}`
                    : null
                }
                onChange={change}
                onKeyDown={keyDown}
                onPaste={paste}
                register={(r, f, el) => (el ? inputs.current.set(`${r}:${f}`, el) : inputs.current.delete(`${r}:${f}`))}
              />
            ))}
          </tbody>
          {!former && (
            <LiveTotal
              rows={rows}
              figures={checked.map((c) => c.figures)}
              plan={plan}
              population={population}
              hasErrors={hasErrors}
            />
          )}
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => save(false)}
          disabled={pending}
          className="rounded bg-sky-800 px-5 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60"
        >
          {pending ? t('grid.saving') : t('grid.save')}
        </button>
        <p
          role={notice?.tone === 'error' ? 'alert' : 'status'}
          aria-live="polite"
          className={`text-sm ${notice?.tone === 'error' ? 'font-semibold text-red-800' : 'text-slate-700'}`}
          data-testid="grid-notice"
        >
          {notice?.text}
        </p>
      </div>
    </div>
  );
}
