// Types of zip.mjs, for the TypeScript that imports it (its tests): the module itself is plain JavaScript.
export class FileRefusal extends Error {
  constructor(code: string, value?: string | null, at?: { row?: number | null; column?: string | null });
  code: string;
  value: string | null;
  row: number | null;
  column: string | null;
}
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  local: number;
  start: number;
}
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
}
export function readCentralDirectory(buf: Buffer, limits: ZipLimits): Map<string, ZipEntry>;
export function inflateEntry(buf: Buffer, entry: ZipEntry, budget: number): AsyncGenerator<Buffer>;
