// A list shown as a table, the same way on every admin, account and dashboard page: a bordered frame that scrolls
// sideways on a phone, one header row of column names (a column may be right-aligned, for figures; the last may be the
// actions column, named for screen readers only), and the rows, which the caller renders (<tr>s). No hooks: usable
// from server and client components alike.

export type DataColumn = React.ReactNode | { label: React.ReactNode; align: 'right' };

function isAligned(column: DataColumn): column is { label: React.ReactNode; align: 'right' } {
  return typeof column === 'object' && column !== null && 'align' in column;
}

export function DataTable({
  columns,
  actionsLabel,
  testId,
  tableClassName = '',
  bodyClassName = '',
  children,
}: {
  columns: DataColumn[];
  actionsLabel?: string;
  testId?: string;
  /** added to the table's classes, e.g. cell padding for all its cells */
  tableClassName?: string;
  /** added to the body's classes, e.g. align-top */
  bodyClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full text-sm ${tableClassName}`.trim()} data-testid={testId}>
        <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c, i) =>
              isAligned(c) ? (
                <th key={i} scope="col" className="px-3 py-2 text-right">
                  {c.label}
                </th>
              ) : (
                <th key={i} scope="col" className="px-3 py-2">
                  {c}
                </th>
              ),
            )}
            {actionsLabel !== undefined && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${bodyClassName}`.trim()}>{children}</tbody>
      </table>
    </div>
  );
}
