'use server';
import { revalidatePath } from 'next/cache';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as units from '@/server/units/admin';
import * as catalogue from '@/server/units/catalogue-import';
import * as users from '@/server/users/move-scope';

// The forms of /admin/units (src/server/units/admin.ts, catalogue-import.ts, src/server/users/move-scope.ts):
// useActionState hands the previous state first.

const everywhere = (result: { ok: boolean; message?: string }) => {
  // units change every page that lists a province's units, their expected reporters and the province list
  if (result.ok && result.message !== 'noChange') revalidatePath('/', 'layout');
};

export async function moveUserScope(_prev: unknown, formData: FormData) {
  // no re-render: the row stays, with its outcome, until the page is read again (a user's scope is read per request)
  return serveAction(users.moveUserScope, formObject(formData));
}

export async function addFacility(_prev: unknown, formData: FormData) {
  return serveAction(units.addFacility, formObject(formData), everywhere);
}

export async function renameFacility(_prev: unknown, formData: FormData) {
  return serveAction(units.renameFacility, formObject(formData), everywhere);
}

export async function endFacility(_prev: unknown, formData: FormData) {
  return serveAction(units.endFacility, formObject(formData), everywhere);
}

export async function importCatalogue(_prev: unknown, formData: FormData) {
  // formObject keeps text fields only: the files go to the schema as the Files themselves
  const files = formData instanceof FormData ? formData : null;
  return serveAction(
    catalogue.importCatalogue,
    {
      ...formObject(formData),
      catalogue: files?.get('catalogue') ?? null,
      succession: files?.get('succession') ?? null,
    },
    (result) => {
      if (result.ok && result.message === 'catalogueApplied') revalidatePath('/', 'layout');
    },
  );
}
