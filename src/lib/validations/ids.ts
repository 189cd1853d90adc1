import { z } from 'zod';

// Ids and versions arrive as text from forms and URLs. PostgreSQL's integer columns hold at most 2^31 - 1: a larger
// number is refused here, as bad input, rather than by the database, as a query error (a 500).

export const MAX_DB_INT = 2_147_483_647;

/** a row id or a version from a form, a URL or JSON: a whole number from 1 that an integer column can hold */
export const dbId = () => z.coerce.number().int().positive().max(MAX_DB_INT);

/** the same from 0 (a version read before anything was stored) */
export const dbCount = () => z.coerce.number().int().min(0).max(MAX_DB_INT);
