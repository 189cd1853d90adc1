// A list shown as a table, the same way on every admin and account page: a bordered frame that scrolls sideways on a
// phone, one header row of column names (the last may be the actions column, named for screen readers only), and the
// rows, which the caller renders (<tr>s). No hooks: usable from server and client components alike.

export function DataTable({ columns, actionsLabel, children }: { columns: React.ReactNode[]; actionsLabel?: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {c}
              </th>
            ))}
            {actionsLabel !== undefined && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
