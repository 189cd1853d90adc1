/** done / total as a bar and as words: the figure is always written, never told by the bar alone. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={label}
        className="h-2.5 w-24 shrink-0 overflow-hidden rounded-full bg-slate-200 sm:w-32"
      >
        <div className="h-full rounded-full bg-sky-700" style={{ width: `${percent}%` }} />
      </div>
      <span className="tabular-nums text-sm">
        {done}/{total}
      </span>
    </div>
  );
}
