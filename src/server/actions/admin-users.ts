'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '../auth/current-user';
import { formObject } from '@/server/boundary/admin-action';
import { createUserAs, resetPasswordAs, setUserActiveAs, updateUserAs } from '@/server/users/save';
import type { ActionResult } from '@/server/boundary/action';

// Thin server actions for the forms of /admin/users: resolve the user, hand the form to the service (which checks the
// permission, validates, writes and audits).

type State = ActionResult<{ id: number }> | null;

export async function createUser(_prev: State, formData: FormData): Promise<State> {
  const result = await createUserAs(await getCurrentUser(), formObject(formData));
  if (result.ok) {
    revalidatePath('/admin/users');
    redirect(`/admin/users/${result.data.id}?done=userCreated`);
  }
  return result;
}

export async function updateUser(_prev: State, formData: FormData): Promise<State> {
  const result = await updateUserAs(await getCurrentUser(), formObject(formData));
  if (result.ok) revalidatePath('/admin/users', 'layout');
  return result;
}

export async function setUserActive(_prev: State, formData: FormData): Promise<State> {
  const result = await setUserActiveAs(await getCurrentUser(), formObject(formData));
  if (result.ok) revalidatePath('/admin/users', 'layout');
  return result;
}

export async function resetPassword(_prev: State, formData: FormData): Promise<State> {
  const result = await resetPasswordAs(await getCurrentUser(), formObject(formData));
  if (result.ok) revalidatePath('/admin/users', 'layout');
  return result;
}
