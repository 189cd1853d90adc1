// Field errors keyed by names that may come from the caller (an unknown JSON key, a query parameter, a form field).
// Such a name can be "__proto__", "constructor" or "toString": looked up in a plain object it finds Object.prototype's
// members instead of nothing (`out[key] ??= []` then pushes onto a function). So the errors are grouped in a Map and
// only then turned into an object, whose properties Object.fromEntries defines as its own, whatever their names.

export type FieldErrors = Record<string, string[]>;

export class FieldErrorList {
  private readonly byField = new Map<string, string[]>();

  add(field: string, message: string): this {
    const list = this.byField.get(field);
    if (list) list.push(message);
    else this.byField.set(field, [message]);
    return this;
  }

  get size(): number {
    return this.byField.size;
  }

  toObject(): FieldErrors {
    return Object.fromEntries(this.byField);
  }
}

/** Groups (field, message) pairs into FieldErrors, safely for any field name. */
export function groupFieldErrors(pairs: Iterable<readonly [string, string]>): FieldErrors {
  const list = new FieldErrorList();
  for (const [field, message] of pairs) list.add(field, message);
  return list.toObject();
}

/** obj[key] only when obj has that property itself: never a member inherited from Object.prototype. */
export function ownValue<T>(obj: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return obj != null && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * The paths ("rows.0.note") of the text values in an input that contain a NUL character. PostgreSQL's text and jsonb
 * cannot store one: such input is refused as invalid before it reaches a query, whatever the field.
 */
export function nulPaths(raw: unknown): string[] {
  return nulPathSegments(raw).map((p) => p.map(String).join('.') || '_');
}

/** nulPaths as segments (array indexes as numbers), for errors that name a row and a field. */
export function nulPathSegments(raw: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[], depth: number) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) out.push(path);
    } else if (Array.isArray(value)) {
      if (depth < 32) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
    } else if (typeof value === 'object' && value !== null && depth < 32) {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  walk(raw, [], 0);
  return out;
}
