import type { FieldErrors } from '@/lib/validations/field-errors';

// What a server action answers, as the browser receives it. Expected failures are data, shown next to the field or the
// cell they concern; unexpected errors are thrown to error.tsx. Each action's own result type is inferred from its body
// (src/server/boundary/action.ts): the shapes here are what every one of them has in common.

export type { FieldErrors };

export type FailureCode = 'unauthenticated' | 'forbidden' | 'invalid' | 'conflict' | 'not-found' | 'refused';

/** One cell's error in a grid: the row as the caller numbered it (its index in the rows sent), the column, a code. */
export interface CellError {
  ref: number;
  field: string;
  code: string;
}

export interface Success<T> {
  ok: true;
  data: T;
  message?: string;
}

export interface Failure<C extends FailureCode = FailureCode> {
  ok: false;
  code: C;
  /** a message key: the action's own namespace, or a generic one ('validation.failed', 'permission.denied') */
  message: string;
  /** per form field (a dotted path for nested input), message keys */
  fieldErrors?: FieldErrors;
  /** per grid cell, when the input has rows */
  cellErrors?: CellError[];
}

/** What the action wrapper answers before an action's body runs: no session, bad input, no such record, no right. */
export type Refusal = Failure<'unauthenticated' | 'forbidden' | 'invalid' | 'not-found'>;

/** The result of an action whose failures carry nothing beyond the common fields. */
export type ActionResult<T = undefined> = Success<T> | Failure;

/** Any action's result, for components that show the outcome of several (the admin forms). */
export type AnyActionResult = { ok: true; message?: string } | Failure;
