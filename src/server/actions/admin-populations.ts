'use server';
import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '../auth/current-user';
import { formObject } from '@/server/boundary/admin-action';
import { setPopulationAs } from '@/server/populations/save';
import type { ActionResult } from '@/server/boundary/action';

type State = ActionResult<{ unitId: number; year: number }> | null;

export async function setPopulation(_prev: State, formData: FormData): Promise<State> {
  const result = await setPopulationAs(await getCurrentUser(), formObject(formData));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
