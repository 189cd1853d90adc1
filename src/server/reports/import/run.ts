import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Where an uploaded file is read: a worker thread per import (worker.mjs), so a hostile or merely big file
// costs its own thread and a bounded heap, never the event loop that answers everyone else; and at most two imports
// at once per server process, the next one told to come back (docs/adr/0010-import-limits.md).

/** What one import may unpack and keep. A 50,000-row sheet from Excel is about 30 MB of XML; a bomb stops early. */
export const IMPORT_LIMITS = {
  maxRows: 50_000,
  /** non-empty cells beyond this column refuse the file (the import has 9 columns) */
  maxColumns: 32,
  /** Excel's own limit for a cell */
  maxCellChars: 32_767,
  /** text kept from an .xlsx in all (shared strings, then cells) */
  maxTextChars: 8 * 1024 * 1024,
  maxSharedStrings: 200_000,
  maxSheetBytes: 64 * 1024 * 1024,
  maxSharedStringsBytes: 32 * 1024 * 1024,
  /** workbook.xml and the relationship parts */
  maxPartBytes: 1024 * 1024,
  maxEntries: 1_000,
  maxTotalBytes: 128 * 1024 * 1024,
  /** Excel's XML packs 5 to 30 times; a bomb hundreds of times */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

export const MAX_CONCURRENT_IMPORTS = 2;
export const IMPORT_RETRY_AFTER_SECONDS = 5;
/** a file that takes longer than this to read is not a file people made by hand */
const WORKER_TIMEOUT_MS = 30_000;
/** the worker's own heap: the limits above keep a file well under it; past it the worker alone stops */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };

const WORKER_IN_PROJECT = path.join('src', 'server', 'reports', 'import', 'worker.mjs');

let workerFile: string | null = null;
let reportedMissing = false;

/**
 * The worker file, read from disk by path rather than bundled (Next's server bundles and Vitest run the same plain
 * file), in the project folder: the working directory, as `npm start` (scripts/start.ts) starts Next there. The path
 * stays a fixed one under process.cwd(): a path searched for at run time makes Next's build trace, and try to parse,
 * every file of the project. Kept once found; missing, it is a deployment fault, not the file's: said once in the log,
 * and each import is answered "unavailable" (503) rather than "not a spreadsheet".
 */
function locateWorker(): string | null {
  if (workerFile) return workerFile;
  const file = path.join(process.cwd(), 'src', 'server', 'reports', 'import', 'worker.mjs');
  if (existsSync(file)) workerFile = file;
  else if (!reportedMissing) {
    reportedMissing = true;
    console.error(
      `Imports unavailable: ${WORKER_IN_PROJECT} not found in ${process.cwd()} (start the app from its folder with npm start)`,
    );
  }
  return workerFile;
}

export interface RawRow {
  row: number;
  cells: unknown[];
}

export interface FileLevelIssue {
  code: string;
  value: string | null;
  row: number | null;
  column: string | null;
}

export type WorkerResult =
  | { ok: true; kind: 'csv' | 'xlsx'; rows: RawRow[] }
  | { ok: false; issue: FileLevelIssue }
  | { ok: false; malformed: number[] };

/** The file-level issue of an import that could not be read for the server's sake, not the file's: answered 503. */
export const IMPORT_UNAVAILABLE = 'importUnavailable';

const issue = (code: string): WorkerResult => ({ ok: false, issue: { code, value: null, row: null, column: null } });

/** Reads the file's rows in a worker thread under IMPORT_LIMITS; never throws for anything the file holds. */
export function readRowsInWorker(bytes: Uint8Array): Promise<WorkerResult> {
  const file = locateWorker();
  if (!file) return Promise.resolve(issue(IMPORT_UNAVAILABLE));
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(file, { workerData: { bytes, limits: IMPORT_LIMITS }, resourceLimits: WORKER_HEAP });
    const settle = (result: WorkerResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(issue('unpackedTooLarge')), WORKER_TIMEOUT_MS);
    worker.once('message', (message: WorkerResult & { unexpected?: string }) => {
      if (message.unexpected) console.warn('Import worker: unexpected error while reading a file', message.unexpected);
      settle(message);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      // past its heap limit the worker is stopped by Node; the file was too big to read, the server is fine
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return settle(issue('unpackedTooLarge'));
      console.warn('Import worker failed', error);
      settle(issue('notSpreadsheet'));
    });
    worker.once('exit', () => settle(issue('notSpreadsheet')));
  });
}

interface Slots {
  busy: number;
}
// one counter per process, even if Next loads this module in more than one bundle (route handlers, actions)
const SLOTS_KEY = Symbol.for('surgewatch.importSlots');
const slots: Slots = ((globalThis as Record<symbol, Slots | undefined>)[SLOTS_KEY] ??= { busy: 0 });

/** Whether an import could start now (the route asks before reading a body it would have to refuse). */
export const importSlotFree = (): boolean => slots.busy < MAX_CONCURRENT_IMPORTS;

/** Takes one of the import slots, or null when MAX_CONCURRENT_IMPORTS are running; call the result once to free it. */
export function tryTakeImportSlot(): (() => void) | null {
  if (slots.busy >= MAX_CONCURRENT_IMPORTS) return null;
  slots.busy++;
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    slots.busy--;
  };
}
