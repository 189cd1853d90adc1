'use client';
import { lazy, Suspense, useMemo, useSyncExternalStore } from 'react';

// One indicator over the weeks, with its threshold drawn as a line and the breach side shaded. Props are plain arrays
// and strings: the server computes the figures and translates the words (a server-side translator compiles each
// message once per process, where a client hook would compile it again on every server render). A week without
// figures is null and leaves a gap in the line, never a zero.

export interface TrendPoint {
  /** 'YYYY-Www' */
  week: string;
  /** per 100,000; null when no unit reported the figure that week */
  rate: number | null;
  /** some units had not reported: the value is partial */
  provisional: boolean;
}

/** A point as it travels to the browser, a tuple rather than an object (a page has four charts of up to 156 weeks):
 * [week, rate or null, 1 when provisional]. */
export type TrendPointTuple = [week: string, rate: number | null, provisional: 0 | 1];

export interface TrendChartProps {
  /** names the chart for tests and links: 'cases', 'oxygen', 'freeBeds', 'icuBeds' */
  id: string;
  title: string;
  points: TrendPointTuple[];
  /** null: the figure is information only here (a district's beds and ICU) */
  threshold: { value: number; comparator: '>' | '>=' | '<' | '<=' } | null;
  /** a text alternative for screen readers, written by the server */
  summary: string;
  /** under the legend: how fast the figure grows ("↑ 35 % so với tuần trước · tăng gấp đôi sau ~2 tuần") */
  note?: string;
  labels: {
    /** under the title: the threshold and the shaded side, or why there is none */
    legend: string;
    loading: string;
    /** the tooltip's heading, with {week} in it */
    week: string;
    noValue: string;
    provisional: string;
  };
  /** 'vi' | 'en', for the axis' numbers */
  locale: string;
  height?: number;
}

const subscribe = () => () => undefined;
/** false on the server and while hydrating, true afterwards: the chart is drawn in the browser only. */
function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const TrendPlot = lazy(() => import('./trend-plot'));

export function TrendChart({
  id,
  title,
  points,
  threshold,
  summary,
  note,
  labels,
  locale,
  height = 200,
}: TrendChartProps) {
  const mounted = useMounted();
  const data = useMemo(
    () => points.map(([week, rate, provisional]): TrendPoint => ({ week, rate, provisional: provisional === 1 })),
    [points],
  );
  return (
    <figure data-testid={`trend-${id}`} className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-1 text-sm font-semibold text-slate-800">{title}</figcaption>
      <p className="mb-1 text-xs text-slate-600">
        {threshold && (
          <span
            className="mr-1 inline-block w-5 border-t-2 border-dashed border-red-700 align-middle"
            aria-hidden="true"
          />
        )}
        {labels.legend}
      </p>
      {note && (
        <p className="mb-1 text-xs font-medium text-slate-800" data-testid="trend-growth">
          {note}
        </p>
      )}
      <div role="img" aria-label={summary} style={{ height }}>
        {mounted ? (
          <Suspense
            fallback={
              <p className="flex h-full items-center justify-center text-xs text-slate-400">{labels.loading}</p>
            }
          >
            <TrendPlot
              title={title}
              points={data}
              threshold={threshold}
              labels={labels}
              locale={locale}
              height={height}
            />
          </Suspense>
        ) : (
          <p className="flex h-full items-center justify-center text-xs text-slate-400">{labels.loading}</p>
        )}
      </div>
    </figure>
  );
}
