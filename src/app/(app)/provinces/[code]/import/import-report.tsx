'use client';
import { useTranslations } from 'use-intl/react';
import type { LevelChange } from '@/lib/contracts/reports';
import { LevelChangeNotice, useLevelChangeText } from '../entry/level-change';

export interface ImportResponse {
  ok: boolean;
  message: string;
  rows?: number | { row: number | null; column: string | null; value: string | null; message: string; code: string }[];
  total?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  /** the level change first (code 'levelChange', about the province, no row), then the rows' warnings */
  warnings?: (RowWarningLine | (LevelChange & { message: string }))[];
  /** after a save: the change of the province's level it made, and what the plan did */
  levelChange?: (LevelChange & { message: string }) | null;
  conflicts?: {
    row: number;
    unitCode: string;
    isoWeek: string;
    stored: { updatedBy: string | null; updatedAt: string } | null;
  }[];
}

interface RowWarningLine {
  row: number;
  column: string | null;
  unitCode: string;
  week: string;
  code: 'farFromHistory' | 'alreadyReported' | 'clearsFigures';
  message: string;
}

/** The level change a 422 names, if any. */
export const levelChangeOf = (body: ImportResponse): LevelChange | null =>
  body.warnings?.find((w): w is LevelChange & { message: string } => w.code === 'levelChange') ?? null;

/** The outcome of an import: what was saved, or every bad row, warning or conflict, row by row. Nothing half-done. */
export function ImportReport({ status, body }: { status: number; body: ImportResponse }) {
  const t = useTranslations('entry.import');
  const levelChangeText = useLevelChangeText();
  if (status === 200 && body.ok) {
    return (
      <p
        role="status"
        className="rounded border border-emerald-300 bg-emerald-50 p-3 font-medium text-emerald-900"
        data-testid="import-result"
      >
        <span aria-hidden="true">✓ </span>
        {t('saved', {
          rows: Number(body.rows),
          created: body.created ?? 0,
          updated: body.updated ?? 0,
          unchanged: body.unchanged ?? 0,
        })}
        {body.levelChange && ` ${levelChangeText(body.levelChange, 'did')}`}
      </p>
    );
  }
  const issues = Array.isArray(body.rows) ? body.rows : [];
  const levelChange = levelChangeOf(body);
  const rowWarnings = (body.warnings ?? []).filter((w): w is RowWarningLine => w.code !== 'levelChange');
  const tone = status === 422 ? 'border-amber-400 bg-amber-50 text-amber-950' : 'border-red-300 bg-red-50 text-red-900';
  return (
    <section
      role="alert"
      aria-labelledby="import-report-title"
      className={`space-y-2 rounded border p-3 ${tone}`}
      data-testid="import-result"
    >
      <h2 id="import-report-title" className="font-semibold">
        {status === 422
          ? t('warningsTitle', { count: (body.total ?? rowWarnings.length) + (levelChange ? 1 : 0) })
          : body.message || t('failed', { status })}
      </h2>
      {/* 429: two imports are running; the message itself says to come back */}
      {status !== 429 && <p className="text-sm">{status === 422 ? t('warningsHelp') : t('nothingWritten')}</p>}
      {levelChange && <LevelChangeNotice change={levelChange} />}
      {issues.length > 0 && (
        <>
          {body.total !== undefined && body.total > issues.length && (
            <p className="text-sm">{t('truncated', { shown: issues.length, total: body.total })}</p>
          )}
          <div className="max-h-96 overflow-auto rounded border border-red-200 bg-white">
            <table className="min-w-full text-sm" data-testid="import-errors">
              <thead className="sticky top-0 bg-slate-100 text-left text-xs font-semibold text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-1.5">
                    {t('row')}
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    {t('column')}
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    {t('value')}
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    {t('message')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {issues.map((i, n) => (
                  <tr key={n}>
                    <td className="px-3 py-1 tabular-nums">{i.row ?? t('wholeFile')}</td>
                    <td className="px-3 py-1 font-mono text-xs">{i.column ?? '—'}</td>
                    <td className="px-3 py-1 font-mono text-xs">{i.value ?? ''}</td>
                    <td className="px-3 py-1">{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {rowWarnings.length > 0 && <WarningList warnings={rowWarnings} />}
      {body.conflicts && body.conflicts.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {body.conflicts.map((c, n) => (
            <li key={n}>
              {t('conflictLine', { row: c.row, unit: c.unitCode, week: c.isoWeek, by: c.stored?.updatedBy ?? '—' })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Overwriting reported weeks is one line (a back-fill may touch hundreds); each figure far from its history and each
 * row clearing saved figures (its columns named) is listed.
 */
function WarningList({ warnings }: { warnings: RowWarningLine[] }) {
  const t = useTranslations('entry.import');
  const already = warnings.filter((w) => w.code === 'alreadyReported');
  const far = warnings.filter((w) => w.code !== 'alreadyReported');
  const rows = already.map((w) => w.row);
  return (
    <ul className="max-h-96 list-disc space-y-1 overflow-auto pl-5 text-sm" data-testid="import-warnings">
      {already.length > 0 && (
        <li>
          {t('alreadyReportedSummary', { count: already.length, first: Math.min(...rows), last: Math.max(...rows) })}
        </li>
      )}
      {far.map((w, n) => (
        <li key={n}>{t('warningLine', { row: w.row, column: w.column ?? '—', message: w.message })}</li>
      ))}
    </ul>
  );
}
