'use server';
import { revalidatePath } from 'next/cache';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as populations from '@/server/populations/save';
import * as populationFiles from '@/server/populations/import';

export async function setPopulation(_prev: unknown, formData: FormData) {
  return serveAction(populations.setPopulation, formObject(formData), (result) => {
    // rates per 100,000 on every page follow from populations
    if (result.ok) revalidatePath('/', 'layout');
  });
}

export async function importPopulations(_prev: unknown, formData: FormData) {
  // formObject keeps text fields only: the file goes to the schema as the File itself
  const file = formData instanceof FormData ? formData.get('file') : null;
  return serveAction(populationFiles.importPopulations, { ...formObject(formData), file }, (result) => {
    if (result.ok && result.message !== 'noChange') revalidatePath('/', 'layout');
  });
}
