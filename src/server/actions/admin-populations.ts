'use server';
import { revalidatePath } from 'next/cache';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as populations from '@/server/populations/save';

export async function setPopulation(_prev: unknown, formData: FormData) {
  return serveAction(populations.setPopulation, formObject(formData), (result) => {
    // rates per 100,000 on every page follow from populations
    if (result.ok) revalidatePath('/', 'layout');
  });
}
