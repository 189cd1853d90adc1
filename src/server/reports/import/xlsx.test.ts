import { describe, expect, it } from 'vitest';
import { zipFields, zipOf, type RawEntry } from '../../../../tests/fixtures/zip-bombs';
import { IMPORT_LIMITS } from './run';
import { readXlsxRows, type XlsxLimits } from './xlsx.mjs';
import { FileRefusal } from './zip.mjs';

// Reading the first sheet of an .xlsx under limits, on small hand-made workbooks: each limit is tested with a file
// that passes every other one, so that taking the limit out makes its test fail.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

interface Book {
  /** in the workbook's order; the files are named sheet1.xml, sheet2.xml… in reverse, so order is not taken from names */
  sheets: { name: string; xml: string | Buffer }[];
  sharedStrings?: string;
  /** the first sheet's sizes in a data descriptor, as streaming writers do */
  descriptor?: boolean;
}

function xlsxOf(book: Book): Buffer {
  const n = book.sheets.length;
  const file = (i: number) => `worksheets/sheet${n - i}.xml`;
  const entries: RawEntry[] = [
    {
      name: '[Content_Types].xml',
      content: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><sheets>${book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        book.sheets
          .map((_s, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="${file(i)}"/>`)
          .join('') +
        (book.sharedStrings ? `<Relationship Id="rId1" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    ...(book.sharedStrings ? [{ name: 'xl/sharedStrings.xml', content: book.sharedStrings }] : []),
    ...book.sheets.map((s, i) => ({ name: `xl/${file(i)}`, content: s.xml, descriptor: i === 0 && book.descriptor })),
  ];
  return zipOf(entries);
}

const ROWS = `<row r="1">${inline('A1', 'unit_code')}${inline('B1', 'new_cases')}</row><row r="2">${inline('A2', '105')}<c r="B2"><v>7</v></c></row>`;
const EXPECTED = [
  { row: 1, cells: ['unit_code', 'new_cases'] },
  { row: 2, cells: ['105', 7] },
];

async function refusal(book: Buffer, limits: XlsxLimits = IMPORT_LIMITS) {
  try {
    await readXlsxRows(book, limits);
  } catch (error) {
    if (error instanceof FileRefusal) return { code: error.code, value: error.value };
    throw error;
  }
  return null;
}

describe('readXlsxRows', () => {
  it('reads the first sheet: text, numbers, shared strings', async () => {
    expect(await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }] }), IMPORT_LIMITS)).toEqual(
      EXPECTED,
    );
    const sst = `<sst ${NS}><si><t>unit_code</t></si><si><r><t>new_</t></r><r><t>cases</t></r></si></sst>`;
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="str"><v>105</v></c><c r="B2"><v>7</v></c></row>';
    expect(
      await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(rows) }], sharedStrings: sst }), IMPORT_LIMITS),
    ).toEqual(EXPECTED);
  });

  it('reads only the first sheet of several: the others are never inflated', async () => {
    // the second sheet's data is not deflate data at all, and would be refused if it were read
    const book = xlsxOf({
      sheets: [
        { name: 'first', xml: sheetXml(ROWS) },
        { name: 'second', xml: sheetXml('<row r="1">' + inline('A1', 'other') + '</row>') },
      ],
    });
    const second = zipFields(book).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const start = second.local + 30 + book.readUInt16LE(second.local + 26);
    book.fill(0xff, start, start + book.readUInt32LE(second.central + 20));
    expect(await readXlsxRows(book, IMPORT_LIMITS)).toEqual(EXPECTED);
  });

  it('reads a sheet whose sizes come in a data descriptor', async () => {
    expect(
      await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }], descriptor: true }), IMPORT_LIMITS),
    ).toEqual(EXPECTED);
  });

  it('refuses millions of empty <row/> elements, although none holds a value', async () => {
    // 3,000,000 empty rows: 18 MB of XML packed into a few kilobytes. The packing ratio alone refuses it…
    const book = xlsxOf({ sheets: [{ name: 'a', xml: sheetXml('<row/>'.repeat(3_000_000)) }] });
    expect(await refusal(book)).toMatchObject({ code: 'unpackedTooLarge' });
    // …and with the ratio allowed, the count of row elements stops it early
    expect(await refusal(book, { ...IMPORT_LIMITS, maxRatio: 1e9 })).toEqual({
      code: 'tooManyRows',
      value: `> ${IMPORT_LIMITS.maxRows}`,
    });
  });

  it('refuses more rows with values than allowed, and reads exactly the limit', async () => {
    const limits = { ...IMPORT_LIMITS, maxRows: 3 };
    const rows = (n: number) =>
      sheetXml(
        Array.from({ length: n + 1 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''),
      );
    expect(await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: rows(3) }] }), limits)).toHaveLength(4);
    expect(await refusal(xlsxOf({ sheets: [{ name: 'a', xml: rows(4) }] }), limits)).toMatchObject({
      code: 'tooManyRows',
    });
  });

  it('refuses a value beyond the last allowed column, and ignores empty cells there', async () => {
    const far = (v: string) => sheetXml(`<row r="1">${inline('A1', 'unit_code')}<c r="AH1">${v}</c></row>`);
    expect(await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: far('') }] }), IMPORT_LIMITS)).toEqual([
      { row: 1, cells: ['unit_code'] },
    ]);
    expect(await refusal(xlsxOf({ sheets: [{ name: 'a', xml: far('<v>1</v>') }] }))).toEqual({
      code: 'tooManyColumns',
      value: 'AH',
    });
  });

  it('refuses more shared strings than allowed, before reading the sheet', async () => {
    const sst = (n: number) => `<sst ${NS}>${'<si><t>x</t></si>'.repeat(n)}</sst>`;
    const limits = { ...IMPORT_LIMITS, maxSharedStrings: 5 };
    expect(
      await readXlsxRows(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }], sharedStrings: sst(5) }), limits),
    ).toEqual(EXPECTED);
    expect(
      await refusal(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }], sharedStrings: sst(6) }), limits),
    ).toEqual({ code: 'unpackedTooLarge', value: '> 5 strings' });
  });

  it('refuses shared strings holding more text in all than allowed', async () => {
    const sst = `<sst ${NS}>${'<si><t>0123456789</t></si>'.repeat(20)}</sst>`;
    expect(
      await refusal(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }], sharedStrings: sst }), {
        ...IMPORT_LIMITS,
        maxTextChars: 150,
      }),
    ).toEqual({
      code: 'unpackedTooLarge',
      value: '> 150 characters',
    });
  });

  it('refuses a shared string or a cell longer than Excel allows', async () => {
    const limits = { ...IMPORT_LIMITS, maxCellChars: 100 };
    const sst = `<sst ${NS}><si><t>${'x'.repeat(101)}</t></si></sst>`;
    expect(
      await refusal(xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }], sharedStrings: sst }), limits),
    ).toMatchObject({ code: 'cellTooLong' });
    expect(
      await refusal(
        xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(`<row r="1"><c r="A1"><v>${'1'.repeat(101)}</v></c></row>`) }] }),
        limits,
      ),
    ).toMatchObject({ code: 'cellTooLong' });
  });

  it('refuses a sheet with a DOCTYPE', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(await refusal(xlsxOf({ sheets: [{ name: 'a', xml }] }))).toMatchObject({ code: 'notSpreadsheet' });
  });

  it('refuses a sheet of corrupt deflate data as unreadable', async () => {
    const book = xlsxOf({ sheets: [{ name: 'a', xml: sheetXml(ROWS) }] });
    const sheet = zipFields(book).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const start = sheet.local + 30 + book.readUInt16LE(sheet.local + 26);
    book.fill(0xff, start, start + book.readUInt32LE(sheet.central + 20));
    expect(await refusal(book)).toMatchObject({ code: 'notSpreadsheet' });
  });
});
