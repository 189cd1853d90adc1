'use client';
import { Sparkline } from '@/components/charts/sparkline';
import { LevelBadgeView } from '@/components/surge/level-badge-view';
import type { SurgeLevel } from '@/lib/surge';

// The national overview's rows as a client component fed with plain values, like the heatmap's table: 63 provinces of
// badges, links and sparklines cross the server-client boundary as a few strings and numbers per row instead of as a
// serialised element tree (which was half of the page's 250 KB). Every word and number arrives translated and
// formatted by the server, so the browser draws exactly what the server's HTML shows.

export interface NationalRowView {
  code: string;
  name: string;
  level: SurgeLevel;
  provisional: boolean;
  /** whether the missing reports could still change the level ("Chưa chốt" when not) */
  settled: boolean;
  /** cases per 100,000 this week, formatted */
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
  return rows.map((r) => (
    <tr key={r.code} data-province={r.code} data-level={r.level} data-settled={String(r.settled)}>
      <td>
        <LevelBadgeView
          level={r.level}
          provisional={r.provisional}
          settled={r.settled}
          label={labels.levels[r.level]}
          provisionalLabel={labels.provisional}
          notSettledLabel={labels.notSettled}
          settledProvisionalLabel={labels.settledProvisional}
        />
      </td>
      <th scope="row" className="px-3 py-1.5 text-left font-medium">
        <a href={`/provinces/${r.code}?week=${week}`} className="text-sky-900 hover:underline">
          {r.name}
        </a>
      </th>
      <td className="text-right tabular-nums">
        {r.rate}
        <span className="ml-1 text-xs text-slate-500">({r.threshold})</span>
      </td>
      <td>
        <Sparkline values={r.spark} threshold={r.sparkThreshold} breach={r.breach} label={r.sparkLabel} />
      </td>
      <td className="text-xs">{r.met ?? <span className="text-slate-500">{labels.none}</span>}</td>
      <td className="text-right text-xs tabular-nums">
        {r.reported}/{r.expected}
      </td>
    </tr>
  ));
}
