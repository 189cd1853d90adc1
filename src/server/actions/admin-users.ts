'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formObject } from '@/lib/validations/form-object';
import { serveAction } from '@/server/boundary/action';
import * as users from '@/server/users/save';

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
