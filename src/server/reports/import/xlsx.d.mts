// Types of xlsx.mjs, for the TypeScript that imports it (its tests): the module itself is plain JavaScript.
import type { ZipLimits } from './zip.mjs';

export interface XlsxLimits extends ZipLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxTextChars: number;
  maxSharedStrings: number;
  maxSheetBytes: number;
  maxSharedStringsBytes: number;
  maxPartBytes: number;
}
export function columnNumber(ref: string): number;
export function readXlsxRows(buf: Buffer, limits: XlsxLimits): Promise<{ row: number; cells: unknown[] }[]>;
