// The zip container of an .xlsx, read without trusting it (docs/adr/0010-import-limits.md). Plain JavaScript: it runs
// in the import worker (worker.mjs), which Node loads from disk as is, outside Next's bundles.
//
// Sizes are checked in the central directory before anything is inflated, and again while inflating, because the
// declared sizes are the sender's word: inflation stops at the declared size or the budget, whichever is smaller.
import zlib from 'node:zlib';

/** A refusal carrying an issue code (and a value to show) for the whole file. */
export class FileRefusal extends Error {
  /** @param {string} code @param {string | null} [value] @param {{ row?: number | null, column?: string | null }} [at] */
  constructor(code, value = null, at = {}) {
    super(code);
    this.code = code;
    this.value = value;
    this.row = at.row ?? null;
    this.column = at.column ?? null;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
/** the sizes and CRC follow the data; the local header's are zero or meaningless */
const DATA_DESCRIPTOR = 0x8;

/**
 * @typedef {{ name: string, method: number, flags: number, compressed: number, size: number, local: number, start: number }} ZipEntry
 * @typedef {{ maxEntries: number, maxTotalBytes: number, maxRatio: number, ratioFloorBytes: number }} ZipLimits
 */

const broken = () => new FileRefusal('notSpreadsheet');
const tooBig = (/** @type {number} */ bytes) =>
  new FileRefusal(
    'unpackedTooLarge',
    bytes >= 1024 * 1024 ? `${Math.ceil(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`,
  );

/**
 * The entries of the central directory, by name. Refuses a zip that is malformed, encrypted, uses zip64, has too many
 * entries, declares more than maxTotalBytes unpacked in all, or an entry that unpacks more than maxRatio times its
 * packed size; and one whose entries overlap (a local header inside another entry's data: the "overlapping files" bomb
 * makes every entry unpack the same few bytes) or whose local headers disagree with the central directory.
 * @param {Buffer} buf @param {ZipLimits} limits @returns {Map<string, ZipEntry>}
 */
export function readCentralDirectory(buf, limits) {
  let eocd = -1;
  for (let i = buf.length - 22, stop = Math.max(0, buf.length - 22 - 0xffff); i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // 0xffff / 0xffffffff are zip64 markers (the real values in a zip64 record): a 5 MB upload never needs zip64
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw broken();
  if (count > limits.maxEntries) throw new FileRefusal('unpackedTooLarge', `${count} entries`);
  if (cdOffset + cdSize > eocd) throw broken();
  /** @type {Map<string, ZipEntry>} */
  const entries = new Map();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw broken();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (p > eocd) throw broken();
    if (flags & ENCRYPTED) throw broken();
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw broken(); // zip64
    if (method === STORED && compressed !== size) throw broken();
    total += size;
    if (total > limits.maxTotalBytes) throw tooBig(Math.max(size, total));
    if (size > limits.ratioFloorBytes && size > compressed * limits.maxRatio) throw tooBig(size);
    const start = localData(buf, { flags, method, compressed, size, local });
    entries.set(name, { name, method, flags, compressed, size, local, start });
  }
  // each entry's header and data end before the next entry's header starts, and before the central directory
  const byOffset = [...entries.values()].sort((a, b) => a.local - b.local);
  for (let i = 0; i < byOffset.length; i++) {
    const entry = /** @type {ZipEntry} */ (byOffset[i]);
    const next = byOffset[i + 1];
    if (entry.start + entry.compressed > (next ? next.local : cdOffset)) throw broken();
  }
  return entries;
}

/**
 * Where the entry's data starts, after its local header; the header must say what the central directory says (unless
 * its sizes come in a data descriptor after the data), so that no reader of the file sees other data than we do.
 * @param {Buffer} buf @param {{ flags: number, method: number, compressed: number, size: number, local: number }} entry
 */
function localData(buf, entry) {
  const at = entry.local;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw broken();
  if (buf.readUInt16LE(at + 8) !== entry.method) throw broken();
  const sizesLater = (entry.flags & DATA_DESCRIPTOR) !== 0;
  if (!sizesLater && (buf.readUInt32LE(at + 18) !== entry.compressed || buf.readUInt32LE(at + 22) !== entry.size))
    throw broken();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressed > buf.length) throw broken();
  return start;
}

/**
 * The entry's bytes as they inflate, in chunks of at most 64 KB, never more than min(declared size, budget) in all:
 * more than declared is a lie (refused as a bomb), more than the budget is too large. Memory stays at a few chunks
 * whatever the entry holds, since the consumer pulls each chunk before the next is inflated.
 * @param {Buffer} buf @param {ZipEntry} entry @param {number} budget @returns {AsyncGenerator<Buffer>}
 */
export async function* inflateEntry(buf, entry, budget) {
  if (entry.size > budget) throw tooBig(entry.size);
  const data = buf.subarray(entry.start, entry.start + entry.compressed);
  if (data.length !== entry.compressed) throw broken();
  const CHUNK = 64 * 1024;
  if (entry.method === STORED) {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  if (entry.method !== DEFLATED) throw broken();
  const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  let out = 0;
  try {
    for await (const chunk of inflater) {
      out += chunk.length;
      if (out > entry.size) throw tooBig(out);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    throw broken(); // corrupt or truncated deflate data
  } finally {
    inflater.destroy();
  }
  if (out !== entry.size) throw broken();
}
