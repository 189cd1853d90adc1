/** The placeholder a widget shows while its figures load (its own Suspense boundary): same height, no layout jump. */
export function WidgetSkeleton({ height = 160, label }: { height?: number; label?: string }) {
  return (
    <div
      aria-busy="true"
      className="mb-8 animate-pulse rounded-lg border border-slate-200 bg-slate-100"
      style={{ height }}
    >
      {label && <span className="sr-only">{label}</span>}
    </div>
  );
}
