'use client';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendChartProps, TrendPoint } from './trend-chart';

// The plot itself, with Recharts: loaded by trend-chart.tsx only once the page runs in the browser, so the library
// is not part of the page's first JavaScript and the server never renders it.

/** A y axis from 0 in four or five round steps (1, 2, 2.5 or 5 × 10ⁿ) that holds `value`. */
function niceTicks(value: number): number[] {
  const raw = Math.max(value, 1e-6) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const top = Math.ceil(value / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrendPoint;
  index?: number;
}

export default function TrendPlot({
  title,
  points,
  threshold,
  labels,
  locale,
  height = 200,
}: Omit<TrendChartProps, 'id' | 'summary' | 'points'> & { points: TrendPoint[] }) {
  const max = Math.max(0, ...points.map((p) => p.rate ?? 0));
  const ticks = niceTicks(Math.max(max * 1.05, threshold ? threshold.value * 1.2 : 0, 1));
  const yMax = ticks[ticks.length - 1]!;
  const above = threshold ? threshold.comparator === '>' || threshold.comparator === '>=' : true;
  const dotRadius = points.length > 60 ? 1.5 : 3;
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  // numbers are formatted only after mounting (the chart is not rendered on the server), so no hydration can differ
  const number = (v: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: v >= 100 ? 0 : 1 }).format(v);

  const renderDot = ({ cx, cy, payload, index }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload || payload.rate === null) return <g key={`d${index}`} />;
    return payload.provisional ? (
      <circle key={`d${index}`} cx={cx} cy={cy} r={dotRadius} fill="#fff" stroke="#0c4a6e" strokeWidth={1.5} />
    ) : (
      <circle key={`d${index}`} cx={cx} cy={cy} r={dotRadius} fill="#0c4a6e" />
    );
  };

  return (
    <LineChart
      data={points}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
      <XAxis
        dataKey="week"
        tickFormatter={(w: string) => w.slice(5)}
        interval="preserveStartEnd"
        minTickGap={18}
        fontSize={11}
        stroke="#64748b"
      />
      <YAxis
        domain={[0, yMax]}
        ticks={ticks}
        width={44}
        fontSize={11}
        stroke="#64748b"
        tickFormatter={number}
        allowDataOverflow
      />
      {threshold && (
        <ReferenceArea
          y1={above ? threshold.value : 0}
          y2={above ? yMax : threshold.value}
          fill="#dc2626"
          fillOpacity={0.09}
          strokeOpacity={0}
          ifOverflow="hidden"
        />
      )}
      {threshold && (
        <ReferenceLine
          y={threshold.value}
          stroke="#b91c1c"
          strokeWidth={1.5}
          strokeDasharray="6 3"
          ifOverflow="extendDomain"
        />
      )}
      <Line
        type="linear"
        dataKey="rate"
        stroke="#0c4a6e"
        strokeWidth={2}
        connectNulls={false}
        isAnimationActive={false}
        dot={renderDot}
        activeDot={{ r: 4 }}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(w) => labels.week.replace('{week}', String(w))}
        formatter={(v, _name, item) => {
          const p = item.payload as TrendPoint;
          const value = typeof v === 'number' ? number(v) : labels.noValue;
          return [p.provisional ? `${value} (${labels.provisional})` : value, title];
        }}
      />
    </LineChart>
  );
}
