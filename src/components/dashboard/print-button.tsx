'use client';

/** Opens the browser's print dialog (the brief's @media print rules lay it out on one A4 page). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900 print:hidden"
    >
      {label}
    </button>
  );
}
