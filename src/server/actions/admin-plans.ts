'use server';
import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '../auth/current-user';
import { formObject } from '@/server/boundary/admin-action';
import { savePlanVersionAs } from '@/server/plans/save';
import type { ActionResult } from '@/server/boundary/action';

type State = ActionResult<{ version: number; target: string }> | null;

export async function savePlanVersion(_prev: State, formData: FormData): Promise<State> {
  const result = await savePlanVersionAs(await getCurrentUser(), formObject(formData));
  // every page shows verdicts judged by plans
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
