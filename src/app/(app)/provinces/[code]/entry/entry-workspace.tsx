'use client';
import { useState } from 'react';
import type { Plan } from '@/lib/surge';
import type { EntryUnit } from '@/lib/contracts/reports';
import type { ReportingSystem } from '@/lib/units';
import { EntryGrid } from './entry-grid';

/**
 * Holds what must outlive a save: the confirmation message. The grid itself is keyed by the versions it was read at,
 * so after a save it starts again from the stored figures (new versions, who reported) rather than from stale state.
 */
export function EntryWorkspace(props: {
  provinceCode: string;
  week: string;
  plan: Plan;
  population: number | null;
  units: EntryUnit[];
  system: ReportingSystem;
  /** the administrators' grid of reports under former units */
  former?: boolean;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const signature = `${props.week}|${props.units.map((u) => `${u.code}:${u.report?.version ?? 0}`).join(',')}`;
  return (
    <div>
      <p
        role="status"
        aria-live="polite"
        className={
          saved
            ? 'mb-3 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900'
            : 'sr-only'
        }
        data-testid="saved-message"
      >
        {saved && <span aria-hidden="true">✓ </span>}
        {saved}
      </p>
      <EntryGrid key={signature} {...props} onSaved={setSaved} />
    </div>
  );
}
