/**
 * FormData to a plain object for zod (repeated names become arrays; empty strings stay, zod decides). An action's
 * arguments are whatever the caller serialised, so anything but a FormData is an empty form (zod then names the missing
 * fields). Field names are the caller's: grouped in a Map, since "__proto__" or "constructor" looked up in a plain object
 * finds Object.prototype's members; Object.fromEntries then defines them as own properties, which zod ignores.
 */
export function formObject(formData: unknown): Record<string, string | string[]> {
  if (!(formData instanceof FormData)) return {};
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue; // React's own fields
    const text = typeof value === 'string' ? value : '';
    const prev = fields.get(key);
    fields.set(key, prev === undefined ? text : Array.isArray(prev) ? [...prev, text] : [prev, text]);
  }
  return Object.fromEntries(fields);
}
