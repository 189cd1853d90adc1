// A CSV upload as rows of cell texts (plain JavaScript: it runs in the import worker). Accepts what Excel in Vietnam
// writes: UTF-8 with or without a BOM, a "sep=" first line, comma, semicolon or tab separators. Rows are parsed one at
// a time and reading stops at the first limit (rows, columns, cell length), so a file of millions of empty lines or
// one line of millions of separators costs no more than the limit.
import Papa from 'papaparse';
import { FileRefusal } from './zip.mjs';

/**
 * @typedef {{ maxRows: number, maxColumns: number, maxCellChars: number }} CsvLimits
 * @typedef {{ row: number, cells: unknown[] }} Row
 */

function separatorOf(/** @type {string} */ firstLine) {
  const counts = /** @type {const} */ ([';', ',', '\t']).map(
    (s) => /** @type {const} */ ([s, firstLine.split(s).length - 1]),
  );
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The line starting at `from`, without its line break. */
function lineAt(/** @type {string} */ text, /** @type {number} */ from) {
  const end = text.indexOf('\n', from);
  return text.slice(from, end < 0 ? text.length : end).replace(/\r$/, '');
}

/**
 * Refuses, before the parser builds anything, a file with far more lines than rows allowed (blank lines included: the
 * parser would hold them all) and a line with more separators than Excel has columns (a quoted cell may hold
 * separators too, but not thousands of them in an import file).
 */
function checkShape(
  /** @type {string} */ text,
  /** @type {string} */ separator,
  /** @type {number} */ offset,
  /** @type {CsvLimits} */ limits,
) {
  const sep = separator.charCodeAt(0);
  const maxLines = 2 * limits.maxRows + 2;
  let count = 0;
  let line = offset;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      count = 0;
      if (++line - offset > maxLines) throw new FileRefusal('tooManyRows', `> ${limits.maxRows}`);
    } else if (c === sep && ++count >= 16_384) throw new FileRefusal('tooManyColumns', '> 16384', { row: line });
  }
}

/**
 * @param {Uint8Array} bytes @param {CsvLimits} limits
 * @returns {Row[] | { malformed: number[] }} rows, or the numbers of the rows with unbalanced quotes
 */
export function readCsvRows(bytes, limits) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's plain "CSV" (not "CSV UTF-8") writes Windows-1258: Vietnamese letters would come out garbled
    throw new FileRefusal('encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  // "sep=;" is how Excel is told the separator; honour it rather than guessing
  const hint = /^sep=(.)\s*$/i.exec(lineAt(text, 0));
  if (hint) {
    const next = text.indexOf('\n');
    text = next < 0 ? '' : text.slice(next + 1);
  }
  const delimiter = hint?.[1] ?? separatorOf(lineAt(text, 0));
  const offset = hint ? 2 : 1;
  checkShape(text, delimiter, offset, limits);

  /** @type {Row[]} */
  const rows = [];
  /** @type {number[]} */
  const malformed = [];
  /** @type {FileRefusal | null} */
  let refusal = null;
  let row = offset - 1;
  let blank = 0;
  Papa.parse(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      row++;
      if (result.errors.some((e) => e.type === 'Quotes') && malformed.length < 50) malformed.push(row);
      const cells = /** @type {string[]} */ (result.data);
      const filled = cells.some((c) => c.trim() !== '');
      if (!filled) {
        // blank lines are skipped, but millions of them are still a file too long to read
        if (++blank > limits.maxRows) refusal = new FileRefusal('tooManyRows', `> ${limits.maxRows}`);
      } else {
        const last = cells.findLastIndex((c) => c.trim() !== '');
        const long = cells.findIndex((c) => c.length > limits.maxCellChars);
        if (last >= limits.maxColumns) refusal = new FileRefusal('tooManyColumns', `${last + 1}`, { row });
        else if (long >= 0) refusal = new FileRefusal('cellTooLong', `${cells[long]?.length}`, { row });
        else {
          rows.push({ row, cells: cells.slice(0, limits.maxColumns) });
          if (rows.length > limits.maxRows + 1) refusal = new FileRefusal('tooManyRows', `> ${limits.maxRows}`);
        }
      }
      if (refusal) parser.abort();
    },
  });
  if (refusal) throw refusal;
  if (malformed.length > 0) return { malformed };
  return rows;
}
