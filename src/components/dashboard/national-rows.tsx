'use client';
import { Sparkline } from '@/components/charts/sparkline';
import { LEVEL_STYLE } from '@/components/surge/format';
import { LevelBadgeView } from '@/components/surge/level-badge-view';
import { settlementOf } from '@/components/surge/verdict-display';
import type { SurgeLevel } from '@/lib/surge';
import type { NationalStanding } from './week-standing';

// The national overview's rows as a client component fed with plain values, like the heatmap's table: 63 provinces of
// badges, links and sparklines cross the server-client boundary as a few strings and numbers per row instead of as a
// serialised element tree (which was half of the page's 250 KB). Every word and number arrives translated and
// formatted by the server, so the browser draws exactly what the server's HTML shows.

export interface NationalRowView {
  code: string;
  name: string;
  /** 'noPopulation': no level and no rate, "chưa có dân số" in their place; 'noReports': said in words */
  standing: NationalStanding;
  level: SurgeLevel;
  provisional: boolean;
  /** whether the missing reports could still change the level ("Chưa chốt" when not) */
  settled: boolean;
  /** cases per 100,000 this week, formatted, or why there is none */
  rate: string;
  /** the plan's threshold with its comparator, formatted */
  threshold: string;
  spark: Array<number | null>;
  sparkThreshold: number;
  breach: 'above' | 'below';
  /** the sparkline's text alternative */
  sparkLabel: string;
  /** the criteria met, in short words; null for none */
  met: string | null;
  reported: number;
  expected: number;
}

export interface NationalRowsLabels {
  levels: Record<SurgeLevel, string>;
  provisional: string;
  notSettled: string;
  settledProvisional: string;
  none: string;
  noPopulation: string;
}

export function NationalRows({
  rows,
  week,
  labels,
}: {
  rows: NationalRowView[];
  week: string;
  labels: NationalRowsLabels;
}) {
  return rows.map((r) => {
    const level =
      r.standing === 'noPopulation' ? (
        // no level on a guessed denominator: the reason instead, never a level's colour
        <span
          data-testid="week-standing"
          className="inline-flex items-center gap-1 rounded-xl border border-dashed border-slate-400 bg-slate-50 px-2 py-0.5 text-xs font-semibold text-slate-800"
        >
          <span aria-hidden="true">∅</span>
          {labels.noPopulation}
        </span>
      ) : (
        <LevelBadgeView
          level={r.level}
          provisional={r.provisional}
          settled={r.settled}
          label={labels.levels[r.level]}
          provisionalLabel={labels.provisional}
          notSettledLabel={labels.notSettled}
          settledProvisionalLabel={labels.settledProvisional}
        />
      );
    return (
      <tr
        key={r.code}
        data-province={r.code}
        data-level={r.level}
        data-settled={String(r.settled)}
        data-standing={r.standing}
      >
        <td>{level}</td>
        <th scope="row" className="px-3 py-1.5 text-left font-medium">
          <a href={`/provinces/${r.code}?week=${week}`} className="text-sky-900 hover:underline">
            {r.name}
          </a>
          {/* a phone hides the level column: the level under the name (a missing population is in the rate cell) */}
          {r.standing !== 'noPopulation' && (
            // a plain copy (no test ids or data attributes: the level column's badge stays the one to query)
            <span
              className={`mt-0.5 block w-fit rounded-xl border px-2 py-0.5 text-xs font-semibold sm:hidden ${LEVEL_STYLE[r.level].className}`}
            >
              <span aria-hidden="true">{LEVEL_STYLE[r.level].symbol} </span>
              {labels.levels[r.level]}
              {settlementOf(r) === 'notSettled' && ` · ${labels.notSettled}`}
            </span>
          )}
        </th>
        <td className="text-right tabular-nums" data-testid="national-rate">
          {r.standing === 'judged' ? (
            <>
              {r.rate}
              <span className="ml-1 text-xs text-slate-500">({r.threshold})</span>
            </>
          ) : (
            <span className="text-xs text-slate-600">{r.rate}</span>
          )}
        </td>
        {r.standing === 'noPopulation' ? (
          // no threshold to draw against and no criterion judged: nothing, rather than an empty band or "none met"
          <>
            <td className="text-slate-400">—</td>
            <td className="text-xs text-slate-400">—</td>
          </>
        ) : (
          <>
            <td>
              <Sparkline values={r.spark} threshold={r.sparkThreshold} breach={r.breach} label={r.sparkLabel} />
            </td>
            <td className="text-xs">{r.met ?? <span className="text-slate-500">{labels.none}</span>}</td>
          </>
        )}
        <td className="text-right text-xs tabular-nums">
          {r.reported}/{r.expected}
        </td>
      </tr>
    );
  });
}
