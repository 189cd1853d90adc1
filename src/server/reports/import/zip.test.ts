import { describe, expect, it } from 'vitest';
import { zipFields, zipOf, type RawEntry } from '../../../../tests/fixtures/zip-bombs';
import { IMPORT_LIMITS } from './run';
import { FileRefusal, inflateEntry, readCentralDirectory } from './zip.mjs';

// The zip container's defences, one file per defence: each file is a valid zip but for the one thing tested, so the
// test fails if that check is taken out (the file would then be read).

const LIMITS = IMPORT_LIMITS;
const FILES: RawEntry[] = [
  { name: 'a.xml', content: '<a>' + 'x'.repeat(5_000) + '</a>' },
  { name: 'b.xml', content: 'stored as is', method: 0 },
];

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefusal);
    return (error as FileRefusal).code;
  }
  throw new Error('not refused');
};

async function inflated(zip: Buffer, name: string, budget = 1 << 30): Promise<{ bytes: number; error: unknown }> {
  const entry = readCentralDirectory(zip, LIMITS).get(name)!;
  let bytes = 0;
  try {
    for await (const chunk of inflateEntry(zip, entry, budget)) bytes += chunk.length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: null };
}

describe('readCentralDirectory', () => {
  it('reads a well-formed zip, stored and deflated entries alike', async () => {
    const zip = zipOf(FILES);
    const entries = readCentralDirectory(zip, LIMITS);
    expect([...entries.keys()]).toEqual(['a.xml', 'b.xml']);
    expect(await inflated(zip, 'a.xml')).toEqual({ bytes: 5_007, error: null });
    expect(await inflated(zip, 'b.xml')).toEqual({ bytes: 12, error: null });
  });

  it('refuses a zip without an end record', () => {
    expect(refusal(() => readCentralDirectory(Buffer.from('PK\x03\x04 not really a zip'), LIMITS))).toBe(
      'notSpreadsheet',
    );
  });

  it.each([
    ['the entry count', 10, 2, 0xffff],
    ['the directory size', 12, 4, 0xffffffff],
    ['the directory offset', 16, 4, 0xffffffff],
  ])('refuses zip64 markers in the end record: %s', (_field, at, width, marker) => {
    const zip = zipOf(FILES);
    const { eocd } = zipFields(zip);
    if (width === 2) zip.writeUInt16LE(marker, eocd + at);
    else zip.writeUInt32LE(marker, eocd + at);
    // with limits that would let that many entries through; the bounds checks behind the zip64 check refuse these too
    expect(refusal(() => readCentralDirectory(zip, { ...LIMITS, maxEntries: 100_000 }))).toBe('notSpreadsheet');
  });

  it.each([
    ['compressed size', 20, 18],
    ['size', 24, 22],
  ])('refuses zip64 markers in an entry: its %s', (_field, central, local) => {
    const zip = zipOf(FILES);
    const { entries } = zipFields(zip);
    zip.writeUInt32LE(0xffffffff, entries[0]!.central + central);
    zip.writeUInt32LE(0xffffffff, entries[0]!.local + local);
    // not refused as too large: the budgets are not what stops it
    expect(refusal(() => readCentralDirectory(zip, { ...LIMITS, maxTotalBytes: 2 ** 40, maxRatio: 2 ** 40 }))).toBe(
      'notSpreadsheet',
    );
  });

  it('refuses an encrypted entry', () => {
    const zip = zipOf(FILES);
    const { entries } = zipFields(zip);
    for (const at of [entries[0]!.central + 8, entries[0]!.local + 6]) zip.writeUInt16LE(zip.readUInt16LE(at) | 1, at);
    expect(refusal(() => readCentralDirectory(zip, LIMITS))).toBe('notSpreadsheet');
  });

  it('refuses a stored entry whose packed and unpacked sizes differ', () => {
    const zip = zipOf(FILES);
    const { entries } = zipFields(zip);
    zip.writeUInt32LE(5, entries[1]!.central + 24);
    zip.writeUInt32LE(5, entries[1]!.local + 22);
    expect(refusal(() => readCentralDirectory(zip, LIMITS))).toBe('notSpreadsheet');
  });

  it.each([
    ['packed size', 18],
    ['unpacked size', 22],
  ])('refuses an entry whose local header gives another %s than the central directory', (_what, at) => {
    for (const index of [0, 1]) {
      const zip = zipOf(FILES);
      const local = zipFields(zip).entries[index]!.local;
      zip.writeUInt32LE(zip.readUInt32LE(local + at) - 1, local + at);
      expect(refusal(() => readCentralDirectory(zip, LIMITS))).toBe('notSpreadsheet');
    }
  });

  it('refuses more entries than allowed, before reading them', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.xml`, content: 'x' }));
    expect(readCentralDirectory(zipOf(many), { ...LIMITS, maxEntries: 6 }).size).toBe(6);
    expect(refusal(() => readCentralDirectory(zipOf(many), { ...LIMITS, maxEntries: 5 }))).toBe('unpackedTooLarge');
  });

  it('refuses more declared bytes in all than allowed, and an entry unpacking too many times its size', () => {
    const zip = zipOf([{ name: 'big.xml', content: 'a'.repeat(3 * 1024 * 1024) }]);
    expect(
      refusal(() => readCentralDirectory(zip, { ...LIMITS, maxRatio: 1e9, maxTotalBytes: 3 * 1024 * 1024 - 1 })),
    ).toBe('unpackedTooLarge');
    expect(refusal(() => readCentralDirectory(zip, LIMITS))).toBe('unpackedTooLarge');
    expect(readCentralDirectory(zip, { ...LIMITS, maxRatio: 1e9 }).size).toBe(1);
  });

  it('refuses overlapping entries: a local header offset pointing into another entry', () => {
    const zip = zipOf([
      { name: 'a.xml', content: 'x'.repeat(100), method: 0 },
      { name: 'b.xml', content: 'y'.repeat(100), method: 0 },
    ]);
    const { entries } = zipFields(zip);
    // b's central record points at a's local header: every entry unpacking the same bytes is the overlapping bomb
    const sameAsA = Buffer.from(zip);
    sameAsA.writeUInt32LE(entries[0]!.local, entries[1]!.central + 42);
    // a lies about being longer, its data running into b's header
    const intoB = Buffer.from(zip);
    for (const at of [
      entries[0]!.central + 20,
      entries[0]!.central + 24,
      entries[0]!.local + 18,
      entries[0]!.local + 22,
    ])
      intoB.writeUInt32LE(130, at);
    for (const zipFile of [sameAsA, intoB])
      expect(refusal(() => readCentralDirectory(zipFile, LIMITS))).toBe('notSpreadsheet');
  });

  it('refuses an entry whose data runs into the central directory', () => {
    const zip = zipOf([{ name: 'a.xml', content: 'x'.repeat(100), method: 0 }]);
    const { entries } = zipFields(zip);
    for (const at of [
      entries[0]!.central + 20,
      entries[0]!.central + 24,
      entries[0]!.local + 18,
      entries[0]!.local + 22,
    ])
      zip.writeUInt32LE(120, at);
    expect(refusal(() => readCentralDirectory(zip, LIMITS))).toBe('notSpreadsheet');
  });

  it('reads an entry whose sizes come in a data descriptor, by the central directory’s sizes', async () => {
    const zip = zipOf([{ name: 'a.xml', content: '<a>' + 'x'.repeat(5_000) + '</a>', descriptor: true }, FILES[1]!]);
    expect(zip.readUInt32LE(zipFields(zip).entries[0]!.local + 22)).toBe(0);
    expect(await inflated(zip, 'a.xml')).toEqual({ bytes: 5_007, error: null });
    expect(await inflated(zip, 'b.xml')).toEqual({ bytes: 12, error: null });
  });
});

describe('inflateEntry', () => {
  it('refuses corrupt deflate data with a clear refusal, not a crash', async () => {
    const zip = zipOf([{ name: 'a.xml', content: '<a>' + 'hello '.repeat(2_000) + '</a>' }]);
    const { start, compressed } = readCentralDirectory(zip, LIMITS).get('a.xml')!;
    zip.fill(0xff, start + 2, start + compressed);
    const { error } = await inflated(zip, 'a.xml');
    expect(error).toBeInstanceOf(FileRefusal);
    expect(error).toMatchObject({ code: 'notSpreadsheet' });
  });

  it('refuses truncated deflate data (the stream ends early)', async () => {
    const zip = zipOf([{ name: 'a.xml', content: '<a>' + 'hello '.repeat(2_000) + '</a>' }]);
    const { entries } = zipFields(zip);
    // declared as unpacking to more than it does
    zip.writeUInt32LE(50_000, entries[0]!.central + 24);
    zip.writeUInt32LE(50_000, entries[0]!.local + 22);
    expect((await inflated(zip, 'a.xml')).error).toMatchObject({ code: 'notSpreadsheet' });
  });

  it('stops a deflate stream at its declared size when it inflates to more', async () => {
    const zip = zipOf([{ name: 'a.xml', content: 'z'.repeat(20 * 1024 * 1024) }]);
    const { entries } = zipFields(zip);
    const declared = 100_000;
    zip.writeUInt32LE(declared, entries[0]!.central + 24);
    zip.writeUInt32LE(declared, entries[0]!.local + 22);
    const { bytes, error } = await inflated(zip, 'a.xml');
    expect(error).toMatchObject({ code: 'unpackedTooLarge' });
    expect(bytes).toBeLessThanOrEqual(declared);
  });

  it('refuses an entry declaring more than the budget before inflating any of it', async () => {
    const { bytes, error } = await inflated(zipOf(FILES), 'a.xml', 1_000);
    expect(error).toMatchObject({ code: 'unpackedTooLarge' });
    expect(bytes).toBe(0);
  });

  it('refuses an unknown compression method', async () => {
    const zip = zipOf(FILES);
    const { entries } = zipFields(zip);
    zip.writeUInt16LE(12, entries[0]!.central + 10);
    zip.writeUInt16LE(12, entries[0]!.local + 8);
    expect((await inflated(zip, 'a.xml')).error).toMatchObject({ code: 'notSpreadsheet' });
  });
});
