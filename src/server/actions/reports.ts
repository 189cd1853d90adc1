'use server';
import { revalidatePath } from 'next/cache';
import { serveAction } from '@/server/boundary/action';
import * as reports from '@/server/reports/save';

// The grid's save (src/server/reports/save.ts).

export async function saveWeek(raw: unknown) {
  return serveAction(reports.saveWeek, raw, (result, input) => {
    // the province page and its banner read the same rows: show them fresh on the next visit
    if (result.ok && result.data.changed > 0) revalidatePath(`/provinces/${input.provinceCode}`, 'layout');
  });
}

/** The administrators' save of reports under former units (src/server/reports/save.ts). */
export async function saveFormerUnitWeek(raw: unknown) {
  return serveAction(reports.saveFormerUnitWeek, raw, (result, input) => {
    if (result.ok && result.data.changed > 0) revalidatePath(`/provinces/${input.provinceCode}`, 'layout');
  });
}
