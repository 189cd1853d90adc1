'use client';
import { HEAT_TONES, type HeatTone } from './heatmap-tones';

// The heatmap's table as a client component fed with compact rows: the server sends a few strings per cell instead of
// a serialised element tree (a province with 50 communes has 600 cells), and the browser and the server's HTML pass
// both render the same markup from them. Every number and word arrives formatted and translated by the server (the
// cell's tooltip is a template filled here), so hydration cannot differ.

/**
 * [what the cell shows, tone, cases per 100k, oxygen per 100k, provisional 0/1, no population in force 0/1 (no rate
 * could be computed: "chưa có dân số", not "no figures")]
 */
export type HeatCellTuple = [string, HeatTone, string, string, 0 | 1, 0 | 1];

export interface HeatRowData {
  code: string;
  name: string;
  /** e.g. "no population figure" */
  note: string | null;
  cells: HeatCellTuple[];
}

export interface HeatmapLabels {
  unit: string;
  /** the cell's tooltip: {unit}, {week}, {cases}, {oxygen}, {state} */
  cell: string;
  /** by tone */
  states: [string, string, string, string, string];
  provisional: string;
  /** the state of a cell of a unit without a population ("chưa có dân số") */
  noPopulation: string;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function HeatmapTable({
  base,
  weeks,
  rows,
  labels,
}: {
  base: string;
  weeks: string[];
  rows: HeatRowData[];
  labels: HeatmapLabels;
}) {
  const { states } = labels;
  // The exact values (cases and oxygen) appear as the cell's tooltip, written when the pointer or the focus reaches it:
  // hundreds of tooltips in the server's HTML would double the page for something read one cell at a time. Screen
  // readers get each cell's row and column headers from the table, and the met state from the hidden word.
  const describe = (target: EventTarget) => {
    const a = (target as HTMLElement).closest?.('td > a');
    const td = a?.parentElement as HTMLTableCellElement | undefined;
    const tr = td?.parentElement as HTMLTableRowElement | undefined;
    if (!a || !td || !tr || a.getAttribute('title')) return;
    // the cell's place in the table says which row and week it is: the first cell of a row is its header
    const c = td.cellIndex - 1;
    const row = rows[tr.sectionRowIndex];
    const cell = row?.cells[c];
    if (!row || !cell) return;
    const [, tone, cases, oxygen, partial, noPopulation] = cell;
    a.setAttribute(
      'title',
      fill(labels.cell, {
        unit: row.name,
        week: weeks[c]!,
        cases,
        oxygen,
        state: noPopulation
          ? labels.noPopulation
          : partial && tone
            ? `${states[tone]} (${labels.provisional})`
            : states[tone],
      }),
    );
  };
  return (
    <table
      onMouseOver={(e) => describe(e.target)}
      onFocus={(e) => describe(e.target)}
      data-testid="heatmap"
      className="min-w-full border-separate border-spacing-0.5 text-xs [&_td]:p-0 [&_td>a]:block [&_td>a]:min-w-12 [&_td>a]:rounded [&_td>a]:px-1 [&_td>a]:py-1.5 [&_td>a]:text-center [&_td>a]:tabular-nums [&_td>a:hover]:ring-2 [&_td>a:hover]:ring-sky-700"
    >
      <thead>
        <tr>
          <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left font-semibold text-slate-600">
            {labels.unit}
          </th>
          {weeks.map((w) => (
            <th key={w} scope="col" className="px-1 py-1 text-center font-semibold text-slate-600">
              {w.slice(5)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code}>
            <th scope="row" className="sticky left-0 whitespace-nowrap bg-white px-2 py-1 text-left font-medium">
              <a href={`${base}/${row.code}`} className="text-sky-900 hover:underline">
                {row.name}
              </a>
              {row.note && <span className="ml-1 font-normal text-slate-500">({row.note})</span>}
            </th>
            {row.cells.map(([text, tone], i) => (
              <td key={weeks[i]}>
                <a href={`${base}/${row.code}?week=${weeks[i]}`} className={HEAT_TONES[tone]}>
                  {text}
                  {tone === 4 && <span className="sr-only">{` ${states[4]}`}</span>}
                </a>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
