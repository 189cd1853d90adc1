// Types of xml.mjs, for the TypeScript that imports it (its tests): the module itself is plain JavaScript.
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(value: string): void;
}
export function decodeEntities(s: string): string;
export function attributesOf(attrs: string): Map<string, string>;
export function attribute(attrs: string, name: string): string | undefined;
export class XmlScanner {
  constructor(handler: XmlHandler, maxToken: number);
  push(chunk: string, final?: boolean): void;
  end(): void;
}
export function scanXml(chunks: AsyncIterable<Buffer>, handler: XmlHandler, maxToken: number): Promise<void>;
