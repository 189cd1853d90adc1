// The first worksheet of an .xlsx as rows of cell values, read in bounded memory and time (plain JavaScript: it runs
// in the import worker). The zip's sizes are checked before inflating (zip.mjs); the shared strings and the
// sheet are scanned as they inflate and reading stops at the first limit: too many rows, a non-empty cell beyond the
// last allowed column, too many or too long strings, too much text in all. Values are what the user sees in Excel:
// numbers as numbers, text as text, a formula's cached result, rich text's characters, booleans as booleans.
import { FileRefusal, inflateEntry, readCentralDirectory } from './zip.mjs';
import { attribute, attributesOf, scanXml } from './xml.mjs';

/**
 * @typedef {{
 *   maxRows: number, maxColumns: number, maxCellChars: number, maxTextChars: number, maxSharedStrings: number,
 *   maxSheetBytes: number, maxSharedStringsBytes: number, maxPartBytes: number,
 *   maxEntries: number, maxTotalBytes: number, maxRatio: number, ratioFloorBytes: number,
 * }} XlsxLimits
 * @typedef {{ row: number, cells: unknown[] }} Row
 */

/** "AB12" -> 28 (1-based column number); 0 when the reference has no letters. */
export function columnNumber(/** @type {string} */ ref) {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
    if (n > 16384) return 16385;
  }
  return n;
}

/** "AB" for 28, to name a column in a message. */
function columnName(/** @type {number} */ n) {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(0x41 + ((k - 1) % 26)) + s;
  return s;
}

/** Joins "xl/" and "worksheets/sheet1.xml", or takes "/xl/worksheets/sheet1.xml" from the root. */
function resolvePart(/** @type {string} */ base, /** @type {string} */ target) {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/');
  const out = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Collects the text of the `t` elements inside `container` (outside phonetic runs) into strings, with limits. */
function textCollector(
  /** @type {XlsxLimits} */ limits,
  /** @type {(s: string) => void} */ done,
  /** @type {string} */ container,
) {
  let inside = false;
  let inT = false;
  let phonetic = 0;
  let value = '';
  return {
    open(/** @type {string} */ name, /** @type {string} */ _tag, /** @type {boolean} */ selfClosing) {
      if (name === container) {
        inside = !selfClosing;
        value = '';
        if (selfClosing) done('');
      } else if (inside && name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (inside && name === 't' && !selfClosing && phonetic === 0) inT = true;
    },
    close(/** @type {string} */ name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === container && inside) {
        inside = false;
        done(value);
      }
    },
    text(/** @type {string} */ s) {
      if (!inT) return;
      value += s;
      if (value.length > limits.maxCellChars) throw new FileRefusal('cellTooLong', `${value.length}`);
    },
  };
}

/** @param {Buffer} buf @param {import('./zip.mjs').ZipEntry} entry @param {number} budget */
async function scanPart(
  buf,
  entry,
  budget,
  /** @type {import('./xml.mjs').XmlHandler} */ handler,
  /** @type {XlsxLimits} */ limits,
) {
  await scanXml(inflateEntry(buf, entry, budget), handler, limits.maxCellChars * 2 + 1024);
}

/** The relationships of a part: id -> { target, type }. */
async function readRels(
  /** @type {Buffer} */ buf,
  /** @type {import('./zip.mjs').ZipEntry | undefined} */ entry,
  /** @type {XlsxLimits} */ limits,
) {
  /** @type {Map<string, { target: string, type: string }>} */
  const rels = new Map();
  if (!entry) return rels;
  await scanPart(
    buf,
    entry,
    limits.maxPartBytes,
    {
      open(name, tag) {
        if (name !== 'Relationship') return;
        const a = attributesOf(tag);
        if (rels.size < 10_000)
          rels.set(a.get('Id') ?? '', { target: a.get('Target') ?? '', type: a.get('Type') ?? '' });
      },
      close() {},
      text() {},
    },
    limits,
  );
  return rels;
}

/** The paths of the workbook's first sheet and of its shared strings. */
async function locateParts(
  /** @type {Buffer} */ buf,
  /** @type {Map<string, import('./zip.mjs').ZipEntry>} */ entries,
  /** @type {XlsxLimits} */ limits,
) {
  const root = await readRels(buf, entries.get('_rels/.rels'), limits);
  const officeDocument = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const workbook = entries.get(workbookPath);
  if (!workbook) throw new FileRefusal('notSpreadsheet');
  const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
  const rels = await readRels(buf, entries.get(relsPath), limits);
  /** @type {string | null} */
  let firstSheetId = null;
  await scanPart(
    buf,
    workbook,
    limits.maxPartBytes,
    {
      open(name, tag) {
        if (name === 'sheet' && firstSheetId === null) firstSheetId = attributesOf(tag).get('id') ?? '';
      },
      close() {},
      text() {},
    },
    limits,
  );
  if (firstSheetId === null) return { sheet: null, sharedStrings: null };
  const sheetRel = rels.get(firstSheetId);
  const strings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  return {
    sheet: sheetRel ? resolvePart(base, sheetRel.target) : `${base}worksheets/sheet1.xml`,
    sharedStrings: strings ? resolvePart(base, strings.target) : `${base}sharedStrings.xml`,
  };
}

async function readSharedStrings(
  /** @type {Buffer} */ buf,
  /** @type {import('./zip.mjs').ZipEntry | undefined} */ entry,
  /** @type {XlsxLimits} */ limits,
) {
  /** @type {string[]} */
  const strings = [];
  if (!entry) return strings;
  let chars = 0;
  const collect = textCollector(
    limits,
    (s) => {
      strings.push(s);
      chars += s.length;
      if (strings.length > limits.maxSharedStrings)
        throw new FileRefusal('unpackedTooLarge', `> ${limits.maxSharedStrings} strings`);
      if (chars > limits.maxTextChars) throw new FileRefusal('unpackedTooLarge', `> ${limits.maxTextChars} characters`);
    },
    'si',
  );
  await scanPart(buf, entry, limits.maxSharedStringsBytes, collect, limits);
  return strings;
}

/**
 * The sheet's rows with at least one value (row numbers as in Excel), cells 0-based.
 * @param {Buffer} buf @param {import('./zip.mjs').ZipEntry} entry @param {string[]} shared @param {XlsxLimits} limits
 */
async function readSheet(buf, entry, shared, limits) {
  /** @type {Row[]} */
  const rows = [];
  let rowNumber = 0;
  let rowElements = 0;
  /** @type {unknown[]} */
  let cells = [];
  let hasValue = false;
  let column = 0;
  let type = 'n';
  /** @type {string | null} */
  let v = null;
  let capture = false;
  let chars = 0;
  const inline = textCollector(
    limits,
    (s) => {
      v = s;
    },
    'is',
  );

  const endRow = () => {
    if (!hasValue) return;
    rows.push({ row: rowNumber, cells });
    // the header and at most maxRows data rows
    if (rows.length > limits.maxRows + 1) throw new FileRefusal('tooManyRows', `> ${limits.maxRows}`);
  };
  const endCell = () => {
    const value = cellValue(type, v, shared);
    if (value === undefined || value === '') return;
    if (column > limits.maxColumns)
      throw new FileRefusal('tooManyColumns', columnName(column), { row: rowNumber, column: columnName(column) });
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > limits.maxTextChars) throw new FileRefusal('unpackedTooLarge', `> ${limits.maxTextChars} characters`);
    }
    cells[column - 1] = value;
    hasValue = true;
  };

  await scanPart(
    buf,
    entry,
    limits.maxSheetBytes,
    {
      open(name, tag, selfClosing) {
        if (name === 'row') {
          // empty rows still cost reading: a sheet of millions of them is refused as too long too
          if (++rowElements > limits.maxRows * 4) throw new FileRefusal('tooManyRows', `> ${limits.maxRows}`);
          const r = Number(attribute(tag, 'r'));
          rowNumber = Number.isSafeInteger(r) && r >= 1 && r <= 1_048_576 ? r : rowNumber + 1;
          cells = [];
          hasValue = false;
          column = 0;
          if (selfClosing) endRow();
        } else if (name === 'c') {
          const ref = attribute(tag, 'r');
          column = ref ? columnNumber(ref) || column + 1 : column + 1;
          type = attribute(tag, 't') ?? 'n';
          v = null;
          if (selfClosing) endCell();
        } else if (name === 'v' && !selfClosing) {
          capture = true;
          v = '';
        } else if (name === 'is' || name === 't' || name === 'r' || name === 'rPh') inline.open(name, tag, selfClosing);
      },
      close(name) {
        if (name === 'v') capture = false;
        else if (name === 'c') endCell();
        else if (name === 'row') endRow();
        else if (name === 'is' || name === 't' || name === 'rPh') inline.close(name);
      },
      text(s) {
        if (capture) {
          v += s;
          if ((v ?? '').length > limits.maxCellChars)
            throw new FileRefusal('cellTooLong', `${(v ?? '').length}`, { row: rowNumber, column: columnName(column) });
        } else inline.text(s);
      },
    },
    limits,
  );
  // Excel writes rows in order; anything else is put in order rather than refused
  for (let i = 1; i < rows.length; i++) {
    if (/** @type {Row} */ (rows[i]).row <= /** @type {Row} */ (rows[i - 1]).row) {
      rows.sort((a, b) => a.row - b.row);
      break;
    }
  }
  return rows;
}

/** @param {string} type @param {string | null} v @param {string[]} shared */
function cellValue(type, v, shared) {
  if (v === null) return undefined;
  switch (type) {
    case 's': {
      const i = Number(v);
      return Number.isSafeInteger(i) ? shared[i] : undefined;
    }
    case 'b':
      return v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'str':
    case 'inlineStr':
    case 'e':
    case 'd':
      return v;
    default: {
      if (v.trim() === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/**
 * The rows of the workbook's first sheet.
 * @param {Buffer} buf @param {XlsxLimits} limits @returns {Promise<Row[]>}
 */
export async function readXlsxRows(buf, limits) {
  const entries = readCentralDirectory(buf, limits);
  const parts = await locateParts(buf, entries, limits);
  if (!parts.sheet) return [];
  const sheet = entries.get(parts.sheet);
  if (!sheet) throw new FileRefusal('notSpreadsheet');
  // both budgets are checked on the declared sizes before anything of either part is inflated
  const strings = parts.sharedStrings ? entries.get(parts.sharedStrings) : undefined;
  if (sheet.size > limits.maxSheetBytes)
    throw new FileRefusal('unpackedTooLarge', `${Math.ceil(sheet.size / 1024 / 1024)} MB`);
  if (strings && strings.size > limits.maxSharedStringsBytes)
    throw new FileRefusal('unpackedTooLarge', `${Math.ceil(strings.size / 1024 / 1024)} MB`);
  const shared = await readSharedStrings(buf, strings, limits);
  return readSheet(buf, sheet, shared, limits);
}
