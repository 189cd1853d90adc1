import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, MESSAGES, ROOT_CLIENT_NAMESPACES } from './config';

// Client components translate with the messages of the nearest ClientMessages provider above their page (root layout:
// ROOT_CLIENT_NAMESPACES only). A namespace missing there shows raw keys in the browser, on pages a test may never
// open; so every page's imports are followed here, statically, to the client components that call useTranslations,
// and their namespaces are checked against what the page's layouts provide.

const SRC = path.resolve(import.meta.dirname, '..');
const APP = path.join(SRC, 'app');

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.tsx`,
    `${base}.ts`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  if (!sources.has(file)) sources.set(file, fs.readFileSync(file, 'utf8'));
  return sources.get(file)!;
};

const PROVIDER = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/;
const namespacesOf = (match: RegExpMatchArray) => [
  ...ROOT_CLIENT_NAMESPACES,
  ...[...match[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1]!),
];

/**
 * Every file a module reaches through static and dynamic imports of our own sources, with the namespaces provided
 * to it: the page's, or those of a ClientMessages a component on the way renders around what it imports (the
 * province page's activation proposal wraps its forms in the response page's messages, sent only when it shows them).
 */
function reachable(entry: string, provided: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const stack: Array<[string, string[]]> = [[entry, provided]];
  while (stack.length) {
    const [file, given] = stack.pop()!;
    if (seen.has(file)) continue;
    seen.set(file, given);
    const own = read(file).match(PROVIDER);
    const passed = own && !/^['"]use client['"]/m.test(read(file)) ? namespacesOf(own) : given;
    for (const m of read(file).matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const target = resolveImport(file, m[1]!);
      if (target && !seen.has(target)) stack.push([target, passed]);
    }
  }
  return seen;
}

/** The top-level namespaces a client component's useTranslations calls name ('' for the whole catalogue). */
function usedNamespaces(file: string): string[] {
  const text = read(file);
  if (!/^['"]use client['"]/m.test(text)) return [];
  return [...text.matchAll(/useTranslations\(\s*(?:['"]([^'"]*)['"])?\s*\)/g)].map((m) => (m[1] ?? '').split('.')[0]!);
}

/** What the layouts from the root down to the page's folder provide: the nearest ClientMessages wins (no merging). */
function providedNamespaces(pageDir: string): string[] {
  let provided: string[] = [...ROOT_CLIENT_NAMESPACES];
  const parts = path.relative(APP, pageDir).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const layout = path.join(APP, ...parts.slice(0, i), 'layout.tsx');
    if (!fs.existsSync(layout)) continue;
    const m = read(layout).match(PROVIDER);
    if (m) provided = namespacesOf(m);
  }
  return provided;
}

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return pages(full);
    return /^(page|error|not-found)\.tsx$/.test(d.name) ? [full] : [];
  });
}

describe('client messages', () => {
  it('gives every page the namespaces its client components translate with', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages(APP)) {
      for (const [file, provided] of reachable(page, providedNamespaces(path.dirname(page)))) {
        for (const ns of usedNamespaces(file)) {
          checked++;
          if (ns === '' || !provided.includes(ns)) {
            problems.push(
              `${path.relative(SRC, page)} → ${path.relative(SRC, file)} uses '${ns}', provided: ${provided.join(', ')}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20); // the scan found the client components (a broken regex would find none)
  });

  it('sends the root namespaces plus those asked for, and nothing else', () => {
    const subset = clientMessages('en', ['response']);
    expect(Object.keys(subset).sort()).toEqual([...ROOT_CLIENT_NAMESPACES, 'response'].sort());
    expect(subset.response).toBe(MESSAGES.en.response);
    expect(Object.keys(clientMessages('vi')).sort()).toEqual([...ROOT_CLIENT_NAMESPACES].sort());
    expect(clientMessages('en', ['response'])).toBe(subset);
  });
});
