import busboy from 'next/dist/compiled/busboy';

// Server action requests are decoded by React (decodeReply / decodeReplyFromBusboy) inside Next before any of our code
// runs, and Next answers every decoding failure with a 500. src/proxy.ts therefore checks every action body first and
// answers 400 (413 over Next's 1 MB limit) to what React could not decode (issue 11: no input, however odd, answers
// 5xx). The check is structural only: what the values mean is still each action's zod schema's job.
//
// It reads the body the way Next does, so that both see the same thing: the bytes as UTF-8 without stripping a byte
// order mark (Buffer#toString), a body is multipart exactly when its Content-Type starts with "multipart/form-data"
// (case-sensitive, as Next's test), and multipart bodies with Next's own copy of busboy with Next's options (a part's
// charset, names over 100 bytes, fields without a name: busboy decides, not the Fetch API's parser).
//
// What React's decoder needs, as found in react-server-dom-webpack's server (parseModelString, getOutlinedModel,
// resolveField, bumpArrayCount) and Next's action-handler, each one a 500 otherwise:
// - the root (field "0", or the whole text body) is a JSON array (the arguments: Function#apply), at most 1,000 long;
// - strings beginning with "$" are references. Our pages (React's encodeReply) send plain JSON values with strings
//   beginning with "$" escaped as "$$…", the self-contained values (undefined, Infinity, NaN, -0 / -Infinity, dates,
//   "$H", BigInts), and a FormData argument (useActionState forms) as "$K<id>" with its entries as fields "_<id>_…".
//   Outlined parts ("$<hex id>", read as the field named by the id in decimal) are decoded when they are in the body
//   *before* the root (a later one is an "Invalid forward reference"); anything else (promises, Maps, Sets, streams,
//   blobs, typed arrays, iterators, temporary or server references, paths into parts) is refused, and so are cycles;
// - a field whose name React reads as a part number (any name Number() accepts, or "S…") is one of its decimal ids,
//   each at most once: "00", "", "1e0" or "S0" would replace the root or a part;
// - every part has a name, and files are not base64-encoded (React destroys the stream: an uncaught exception);
// - an array and the arrays and strings inside it, references included, hold at most 1,000,000 slots (React's limit
//   against amplification: a small part referenced many times).

export const ACTION_BODY_LIMIT = 1024 * 1024; // Next's default serverActions.bodySizeLimit (next.config.mjs sets none)
const ARRAY_SLOT_LIMIT = 1_000_000;
const ARGUMENT_LIMIT = 1000;
const MAX_DEPTH = 64;
/** values visited to size path references, for one body: far above any form, far below a second of work */
const WORK_LIMIT = 2_000_000;

/** Values React decodes without looking anything up: undefined, Infinity, NaN, -0 / -Infinity, dates, "$H". */
const SELF_CONTAINED = new Set(['u', 'I', 'N', '-', 'D', 'H']);
const OUTLINED = /^\$([0-9a-f]{1,8})$/;
/** "$<id>:<key>:<key>…": a value met earlier in the same argument (React writes an object or array passed twice so) */
const PATH = /^\$([0-9a-f]{1,8}):(.+)$/;
const PART_ID = /^(?:0|[1-9][0-9]{0,9})$/;

export type ActionBodyCheck = { ok: true } | { ok: false; status: 400 | 413; reason: string };

/** One part of a multipart body, in body order: a field, or a file (only its name and transfer encoding matter). */
export type ActionPart =
  { name: string | undefined; value: string } | { name: string | undefined; file: true; encoding: string };

class Refused extends Error {}

interface ArrayContext {
  count: number;
  fork: boolean;
}

/** React's decoding of one body, minus the values: which references resolve, and how many array slots each holds. */
class Decoder {
  private readonly done = new Map<string, ArrayContext>();
  private readonly open = new Set<string>();
  private readonly values = new Map<string, unknown>();

  constructor(private readonly parts: Map<string, string> | null) {}

  root(text: string): void {
    const value = parse(text);
    if (!Array.isArray(value)) throw new Refused('the arguments are not a list');
    if (value.length > ARGUMENT_LIMIT) throw new Refused(`more than ${ARGUMENT_LIMIT} arguments`);
    this.open.add('0');
    this.values.set('0', value);
    this.revive(value, { count: 0, fork: false }, 0);
  }

  private part(id: string, depth: number): ArrayContext {
    const known = this.done.get(id);
    if (known) return known;
    if (this.open.has(id)) throw new Refused(`a cycle through part ${id}`);
    const text = this.parts?.get(id);
    if (text === undefined) throw new Refused(`reference to a missing part: ${id}`);
    this.open.add(id);
    const context = { count: 0, fork: false };
    const value = parse(text);
    this.values.set(id, value);
    this.revive(value, context, depth + 1);
    this.open.delete(id);
    this.done.set(id, context);
    return context;
  }

  private revive(value: unknown, arrayRoot: ArrayContext | null, depth: number): void {
    if (depth > MAX_DEPTH) throw new Refused('nested too deeply');
    if (typeof value === 'string') return this.string(value, arrayRoot, depth);
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      const context = arrayRoot ?? { count: 0, fork: false };
      if (value.length > 1) context.fork = true;
      bump(context, value.length + 1);
      for (const child of value) this.revive(child, context, depth + 1);
      return;
    }
    // React deletes "__proto__" keys without decoding them; an object's children start new array contexts
    for (const [key, child] of Object.entries(value)) if (key !== '__proto__') this.revive(child, null, depth + 1);
  }

  private string(value: string, arrayRoot: ArrayContext | null, depth: number): void {
    if (value[0] !== '$') {
      if (arrayRoot) bump(arrayRoot, value.length);
      return;
    }
    const kind = value[1];
    if (kind === '$') {
      if (arrayRoot) bump(arrayRoot, value.length - 1);
      return;
    }
    if (kind !== undefined && SELF_CONTAINED.has(kind)) return;
    if (kind === 'n') {
      if (!/^-?\d{1,300}$/.test(value.slice(2))) throw new Refused(`not a BigInt: ${value.slice(0, 40)}`);
      if (arrayRoot) bump(arrayRoot, value.length - 2);
      return;
    }
    if (kind === 'K') {
      if (this.parts !== null && /^[0-9a-f]{1,8}$/.test(value.slice(2))) return;
      throw new Refused(`bad form reference: ${value.slice(0, 40)}`);
    }
    const path = PATH.exec(value);
    if (path) return this.pathReference(path[1]!, path[2]!.split(':'), value, arrayRoot, depth);
    const outlined = OUTLINED.exec(value);
    if (!outlined || this.parts === null) throw new Refused(`unsupported reference: ${value.slice(0, 40)}`);
    const context = this.part(String(parseInt(outlined[1]!, 16)), depth);
    if (arrayRoot) {
      if (context.fork) arrayRoot.fork = true;
      bump(arrayRoot, context.count);
    }
  }

  /**
   * "$<id>:<keys>": the root (also from inside itself, as React allows) or a part, then own properties only, ending on
   * a plain value (not another reference). Its slots count again where it is used, as React counts them.
   */
  private pathReference(
    hexId: string,
    keys: string[],
    value: string,
    arrayRoot: ArrayContext | null,
    depth: number,
  ): void {
    const id = String(parseInt(hexId, 16));
    if (id !== '0') {
      if (this.parts === null) throw new Refused(`unsupported reference: ${value.slice(0, 40)}`);
      this.part(id, depth);
    }
    let target = this.values.get(id);
    for (const key of keys) {
      if (target === null || typeof target !== 'object' || !Object.hasOwn(target, key) || key === '__proto__') {
        throw new Refused(`a path that leads nowhere: ${value.slice(0, 40)}`);
      }
      target = (target as Record<string, unknown>)[key];
      if (typeof target === 'string' && target[0] === '$')
        throw new Refused(`a path through a reference: ${value.slice(0, 40)}`);
    }
    // the target was checked where it stands; here only its size counts again (work bounded for the whole body)
    if (arrayRoot) {
      const { slots, fork } = this.slotsOf(target);
      if (fork) arrayRoot.fork = true;
      bump(arrayRoot, slots);
    }
  }

  private work = 0;

  /** The array slots a value holds, as React's bumpArrayCount counts them (arrays, strings; objects start anew). */
  private slotsOf(value: unknown): { slots: number; fork: boolean } {
    let slots = 0;
    let fork = false;
    const visit = (v: unknown, inArray: boolean) => {
      if (++this.work > WORK_LIMIT) throw new Refused('too many references to large values');
      if (typeof v === 'string') {
        if (inArray) slots += v[0] === '$' ? Math.max(0, v.length - 1) : v.length;
      } else if (Array.isArray(v)) {
        if (v.length > 1) fork = true;
        slots += v.length + 1;
        for (const c of v) visit(c, true);
      }
    };
    visit(value, true);
    return { slots, fork };
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Refused('not JSON');
  }
}

function bump(context: ArrayContext, slots: number): void {
  context.count += slots;
  if (context.count > ARRAY_SLOT_LIMIT && context.fork) throw new Refused(`arrays over ${ARRAY_SLOT_LIMIT} slots`);
}

function run(check: () => void): ActionBodyCheck {
  try {
    check();
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, status: 400, reason: error.message };
    if (error instanceof RangeError) return { ok: false, status: 400, reason: 'nested too deeply' };
    throw error;
  }
}

/** A text (non-multipart) action body: one JSON document, the list of arguments. */
export function checkActionText(text: string): ActionBodyCheck {
  return run(() => new Decoder(null).root(text));
}

/** A multipart action body's parts in body order: field "0" is the root; the parts it references come before it. */
export function checkActionParts(entries: readonly ActionPart[]): ActionBodyCheck {
  return run(() => {
    const before = new Map<string, string>();
    let root: string | null = null;
    const seen = new Set<string>();
    for (const entry of entries) {
      const name = entry.name;
      // busboy gives no name for name="" or none at all, and React's decoder reads it as a string: a TypeError
      if (name === undefined) throw new Refused('a part without a name');
      if ('file' in entry) {
        if (entry.encoding.toLowerCase() === 'base64') throw new Refused('a base64-encoded file');
        continue;
      }
      if (name[0] === '_') continue; // an entry of a FormData argument ("$K<id>")
      const numbered = name[0] === 'S' || !Number.isNaN(Number(name));
      if (!numbered) continue; // never read by React
      if (!PART_ID.test(name)) throw new Refused(`a field named like a part: ${JSON.stringify(name.slice(0, 40))}`);
      if (seen.has(name)) throw new Refused(`part ${name} twice`);
      seen.add(name);
      if (root === null && name !== '0') before.set(name, entry.value);
      if (name === '0') root = entry.value;
    }
    if (root === null) throw new Refused('no root part');
    new Decoder(before).root(root);
  });
}

/** The same check on a FormData (its entries in order), for callers that have one. */
export function checkActionForm(form: FormData): ActionBodyCheck {
  return checkActionParts(
    [...form.entries()].map(([name, value]) =>
      typeof value === 'string' ? { name, value } : { name, file: true, encoding: '7bit' },
    ),
  );
}

/** The parts of a multipart body as Next's busboy reads them, or null when busboy refuses the body. */
function multipartParts(bytes: Buffer, contentType: string): Promise<ActionPart[] | null> {
  return new Promise((resolve) => {
    const parts: ActionPart[] = [];
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        defParamCharset: 'utf8',
        headers: { 'content-type': contentType },
        limits: { fieldSize: ACTION_BODY_LIMIT },
      });
    } catch {
      resolve(null);
      return;
    }
    parser.on('field', (name, value) => parts.push({ name, value }));
    parser.on('file', (name, stream, info) => {
      parts.push({ name, file: true, encoding: info.encoding });
      stream.resume();
    });
    parser.on('error', () => resolve(null));
    parser.on('close', () => resolve(parts));
    parser.end(bytes);
  });
}

/** Checks an action body's bytes, given the request's Content-Type as sent. */
export async function checkActionBody(bytes: Buffer, contentType: string): Promise<ActionBodyCheck> {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return { ok: false, status: 413, reason: 'body over 1 MB' };
  if (contentType.startsWith('multipart/form-data')) {
    const parts = await multipartParts(bytes, contentType);
    return parts ? checkActionParts(parts) : { ok: false, status: 400, reason: 'unreadable multipart body' };
  }
  return checkActionText(bytes.toString('utf-8'));
}

/**
 * A form posted without JavaScript (no Next-Action header: a submit before the page is hydrated, on a slow phone), as
 * Next hands it to React's decodeAction: the Fetch API's form parser, then for EVERY "$ACTION_REF_<k>" field the bound
 * action's metadata from the fields "$ACTION_<k>:<id>": part 0 is `{ id, bound }`, `bound` null or "$@<id>" naming
 * the part that holds the list of bound arguments, decoded as above (all parts are there at once, in any order).
 * Fields "$ACTION_ID_<id>" (an action without bound arguments) need nothing: Next checks the id itself.
 */
export function checkFormActionFields(form: FormData): ActionBodyCheck {
  return run(() => {
    for (const key of new Set(form.keys())) {
      if (!key.startsWith('$ACTION_REF_')) continue;
      const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
      const parts = new Map<string, string>();
      for (const [name, value] of form.entries()) {
        if (!name.startsWith(prefix)) continue;
        if (typeof value !== 'string') throw new Refused(`a file in place of part ${name}`);
        if (!parts.has(name.slice(prefix.length))) parts.set(name.slice(prefix.length), value);
      }
      const root = parts.get('0');
      if (root === undefined) throw new Refused(`no metadata for ${key.slice(0, 40)}`);
      const meta = parse(root);
      if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
        throw new Refused('bound action metadata is not an object');
      const { id, bound } = meta as { id?: unknown; bound?: unknown };
      if (typeof id !== 'string' || !/^[0-9a-f]{2,64}$/i.test(id))
        throw new Refused('bound action metadata without a valid id');
      if (bound === null || bound === undefined) continue;
      const promised = typeof bound === 'string' ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
      if (!promised) throw new Refused('bound arguments are not a reference to a part');
      const args = parts.get(String(parseInt(promised[1]!, 16)));
      if (args === undefined) throw new Refused('bound arguments missing');
      new Decoder(parts).root(args);
    }
  });
}

/** Checks a server action request's body (a clone: the original still goes to Next). */
export async function checkActionRequest(request: Request): Promise<ActionBodyCheck> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT)
    return { ok: false, status: 413, reason: 'body over 1 MB' };
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await request.clone().arrayBuffer());
  } catch {
    return { ok: false, status: 400, reason: 'unreadable body' };
  }
  return checkActionBody(bytes, request.headers.get('content-type') ?? '');
}

/** A multipart POST to a page without Next-Action may be a form posted before hydration: checked when it names one. */
export async function checkFormActionRequest(request: Request): Promise<ActionBodyCheck> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT)
    return { ok: false, status: 413, reason: 'body over 1 MB' };
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return { ok: true }; // not a form Next could read either: it renders the page, no action runs
  }
  return checkFormActionFields(form);
}
