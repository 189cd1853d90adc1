'use server';
import { revalidatePath } from 'next/cache';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as plans from '@/server/plans/save';

export async function savePlanVersion(_prev: unknown, formData: FormData) {
  return serveAction(plans.savePlanVersion, formObject(formData), (result) => {
    // every page shows verdicts judged by plans
    if (result.ok) revalidatePath('/', 'layout');
  });
}
