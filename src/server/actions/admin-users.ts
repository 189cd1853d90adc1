'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as users from '@/server/users/save';
import * as unitsOfProvince from '@/server/users/scope-units';

// The forms of /admin/users (src/server/users/save.ts): useActionState hands the previous state first.

const revalidate = (result: { ok: boolean }) => {
  if (result.ok) revalidatePath('/admin/users', 'layout');
};

export async function createUser(_prev: unknown, formData: FormData) {
  const result = await serveAction(users.createUser, formObject(formData));
  if (result.ok) {
    revalidatePath('/admin/users');
    redirect(`/admin/users/${result.data.id}?done=userCreated`);
  }
  return result;
}

export async function updateUser(_prev: unknown, formData: FormData) {
  return serveAction(users.updateUser, formObject(formData), revalidate);
}

export async function setUserActive(_prev: unknown, formData: FormData) {
  return serveAction(users.setUserActive, formObject(formData), revalidate);
}

export async function resetPassword(_prev: unknown, formData: FormData) {
  return serveAction(users.resetPassword, formObject(formData), revalidate);
}

/** The units of the province just chosen in a user form (a read: the scope picker of a local officer). */
export async function scopeUnits(provinceCode: string) {
  return serveAction(unitsOfProvince.scopeUnits, { provinceCode });
}
