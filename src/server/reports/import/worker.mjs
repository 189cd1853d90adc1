// The import worker: reads one uploaded file (CSV or .xlsx) into rows of cells, off the server's main thread, under
// the limits it is given, and posts back { ok: true, kind, rows } or { ok: false, issue }. Plain JavaScript loaded from
// disk by path (src/server/reports/import/run.ts), so it runs the same under `next start` and in Vitest without
// depending on how either bundles server code. Headers, columns and values are judged by the caller.
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvRows } from './csv.mjs';
import { readXlsxRows } from './xlsx.mjs';
import { FileRefusal } from './zip.mjs';

/** .xlsx files are zip archives; anything else is read as text. */
const isZip = (/** @type {Uint8Array} */ b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function run() {
  const { bytes, limits } = workerData;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isZip(buf)) return { ok: true, kind: 'xlsx', rows: await readXlsxRows(buf, limits) };
  const out = readCsvRows(buf, limits);
  if (!Array.isArray(out)) return { ok: false, malformed: out.malformed };
  return { ok: true, kind: 'csv', rows: out };
}

run().then(
  (result) => parentPort?.postMessage(result),
  (error) => {
    if (error instanceof FileRefusal)
      parentPort?.postMessage({
        ok: false,
        issue: { code: error.code, value: error.value, row: error.row, column: error.column },
      });
    else
      parentPort?.postMessage({
        ok: false,
        issue: { code: 'notSpreadsheet', value: null, row: null, column: null },
        unexpected: String(error?.stack ?? error),
      });
  },
);
