// Turns an action's result into the sentence shown next to the form. Services answer with message keys of the
// 'response' namespace ('errors.stoodDown', 'done.ticked'); the shared guard answers with generic ones, mapped by code.
type Result =
  { ok: true; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
type T = (key: string) => string;

export function resultMessage(t: T, r: Result, fallback = 'done.ticked', notFound = 'errors.not-found'): string {
  const key = r.message ?? fallback;
  if (key.startsWith('errors.') || key.startsWith('done.')) return t(key);
  if (r.ok) return t(fallback);
  return t(r.code === 'not-found' ? notFound : `errors.${r.code}`);
}

/** The first message for a field, translated; undefined when the field is fine. */
export function fieldMessage(t: T, r: Result | null, field: string): string | undefined {
  if (!r || r.ok) return undefined;
  const m = r.fieldErrors?.[field]?.[0];
  return m ? (m.startsWith('errors.') ? t(m) : t('errors.invalid')) : undefined;
}
