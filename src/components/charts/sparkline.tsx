// A small line of values as plain SVG, no hooks and no Recharts: server components draw it (the print view has several)
// and so do client ones (the national overview's rows, one per province) for a few hundred bytes of JavaScript rather
// than Recharts' hundred kilobytes. Nulls break the line.

export interface SparklineProps {
  values: Array<number | null>;
  /** drawn as a dashed line when it falls inside the chart */
  threshold?: number | null;
  width?: number;
  height?: number;
  /** the text alternative; the picture itself is hidden from screen readers when this is absent */
  label?: string;
  /** 'above' shades over the threshold, 'below' under it */
  breach?: 'above' | 'below';
  testId?: string;
}

export function Sparkline({
  values,
  threshold = null,
  width = 120,
  height = 28,
  label,
  breach = 'above',
  testId,
}: SparklineProps) {
  const pad = 2;
  const max = Math.max(1e-9, ...values.map((v) => v ?? 0), threshold !== null ? threshold * 1.1 : 0);
  const x = (i: number) => pad + (values.length <= 1 ? 0 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  const ty = threshold !== null ? y(threshold) : null;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-testid={testId}
      className="overflow-visible"
    >
      {ty !== null && (
        <>
          <rect
            x={0}
            width={width}
            y={breach === 'above' ? 0 : ty}
            height={breach === 'above' ? ty : height - ty}
            fill="#dc2626"
            fillOpacity={0.08}
          />
          <line x1={0} x2={width} y1={ty} y2={ty} stroke="#b91c1c" strokeWidth={1} strokeDasharray="3 2" />
        </>
      )}
      {segments.map((points, i) =>
        points.includes(' ') ? (
          <polyline key={i} points={points} fill="none" stroke="#0c4a6e" strokeWidth={1.5} strokeLinejoin="round" />
        ) : (
          <circle key={i} cx={points.split(',')[0]} cy={points.split(',')[1]} r={1.5} fill="#0c4a6e" />
        ),
      )}
      {last !== null && last !== undefined && <circle cx={x(lastIndex)} cy={y(last)} r={2.5} fill="#0c4a6e" />}
    </svg>
  );
}
