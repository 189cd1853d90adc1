// Next's bundled copy of busboy (the multipart parser its server action handler uses), which ships without types:
// the part of busboy 1.x's API that src/server/http/action-body.ts uses.
declare module 'next/dist/compiled/busboy' {
  import type { Readable, Writable } from 'node:stream';

  interface BusboyConfig {
    headers: Record<string, string | undefined>;
    defParamCharset?: string;
    limits?: { fieldSize?: number };
  }
  interface FieldInfo {
    nameTruncated: boolean;
    valueTruncated: boolean;
    encoding: string;
    mimeType: string;
  }
  interface FileInfo {
    filename: string | undefined;
    encoding: string;
    mimeType: string;
  }
  interface Busboy extends Writable {
    on(event: 'field', listener: (name: string | undefined, value: string, info: FieldInfo) => void): this;
    on(event: 'file', listener: (name: string | undefined, stream: Readable, info: FileInfo) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'close', listener: () => void): this;
  }
  export default function busboy(config: BusboyConfig): Busboy;
}
