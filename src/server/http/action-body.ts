// Server action requests are decoded by React (decodeReply) inside Next before any of our code runs, and Next answers
// every decoding failure with a 500: a reference to a part the body does not contain ("$5" sent raw instead of the
// escaped "$$5" a browser sends), a BigInt that is not one ("$nx"), a body that is not JSON. src/proxy.ts therefore
// checks the shape of every action body first and answers 400 to what React could not decode (issue 11: no input,
// however odd, answers 5xx). The check is structural only: what the values mean is still each action's zod schema's job.
//
// What our own pages send (React's encodeReply): plain JSON values, with strings beginning with "$" escaped as "$$…",
// and the special values below; a FormData argument (useActionState forms) as "$K<id>" with its entries as fields of a
// multipart body whose field "0" is the root. Nothing else: no Maps, Sets, promises, streams, blobs, typed arrays,
// iterators, or server references as arguments, so those forms are refused.

/** Values React decodes without looking anything up: undefined, Infinity, NaN, -0 / -Infinity, dates, "$H". */
const SELF_CONTAINED = new Set(['u', 'I', 'N', '-', 'D', 'H']);
/** Outlined JSON models ("$<hex id>") are allowed when the body contains that part (multipart only). */
const OUTLINED = /^\$([0-9a-f]+)$/;
const MAX_DEPTH = 64;

export type ActionBodyCheck = { ok: true } | { ok: false; reason: string };

type Parts = Map<string, string | File>;

function checkString(value: string, parts: Parts | null, seen: Set<string>, depth: number): string | null {
  if (value[0] !== '$') return null;
  const kind = value[1];
  if (kind === '$') return null;
  if (kind !== undefined && SELF_CONTAINED.has(kind)) return null;
  if (kind === 'n') return /^-?\d{1,300}$/.test(value.slice(2)) ? null : `not a BigInt: ${value.slice(0, 40)}`;
  if (kind === 'K') return parts !== null && /^[0-9a-f]+$/.test(value.slice(2)) ? null : `bad form reference: ${value.slice(0, 40)}`;
  const outlined = OUTLINED.exec(value);
  if (outlined && parts !== null) {
    const id = outlined[1]!;
    if (seen.has(id)) return null;
    const part = parts.get(id);
    if (typeof part !== 'string') return `reference to a missing part: ${value.slice(0, 40)}`;
    seen.add(id);
    return checkJson(part, parts, seen, depth + 1);
  }
  return `unsupported reference: ${value.slice(0, 40)}`;
}

function checkValue(value: unknown, parts: Parts | null, seen: Set<string>, depth: number): string | null {
  if (depth > MAX_DEPTH) return 'nested too deeply';
  if (typeof value === 'string') return checkString(value, parts, seen, depth);
  if (value === null || typeof value !== 'object') return null;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  for (const child of children) {
    const problem = checkValue(child, parts, seen, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function checkJson(text: string, parts: Parts | null, seen: Set<string>, depth = 0): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  return checkValue(value, parts, seen, depth);
}

/** A text (non-multipart) action body: one JSON document. */
export function checkActionText(text: string): ActionBodyCheck {
  const problem = checkJson(text, null, new Set());
  return problem ? { ok: false, reason: problem } : { ok: true };
}

/** A multipart action body: field "0" is the root; "$<id>" references other fields; "$K<id>" a FormData's entries. */
export function checkActionForm(form: FormData): ActionBodyCheck {
  const parts: Parts = new Map();
  for (const [key, value] of form.entries()) if (!parts.has(key)) parts.set(key, value);
  const root = parts.get('0');
  if (typeof root !== 'string') return { ok: false, reason: 'no root part' };
  const problem = checkJson(root, parts, new Set(['0']));
  return problem ? { ok: false, reason: problem } : { ok: true };
}

/** Checks a server action request's body (a clone: the original still goes to Next). */
export async function checkActionRequest(request: Request): Promise<ActionBodyCheck> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.toLowerCase().startsWith('multipart/form-data')) return checkActionForm(await request.clone().formData());
    return checkActionText(await request.clone().text());
  } catch {
    return { ok: false, reason: 'unreadable body' };
  }
}
