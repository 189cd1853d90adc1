import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { missingLibraryMessage, resolveChromium } from './chromium';

describe('the end-to-end browser', () => {
  it('unpacks the Chromium shipped in @sparticuz/chromium when asked for the bundled build', () => {
    const saved = { path: process.env.CHROMIUM_PATH, browser: process.env.E2E_BROWSER };
    delete process.env.CHROMIUM_PATH;
    process.env.E2E_BROWSER = 'bundled';
    try {
      const browser = resolveChromium();
      expect(browser.source).toBe('bundled');
      expect(fs.statSync(browser.executablePath).mode & 0o111).not.toBe(0);
      expect(fs.existsSync(browser.env.FONTCONFIG_FILE!)).toBe(true);
    } finally {
      if (saved.path === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved.path;
      if (saved.browser === undefined) delete process.env.E2E_BROWSER;
      else process.env.E2E_BROWSER = saved.browser;
    }
  }, 120_000);

  it('runs on the libraries shipped in the package alone, as on a machine without NSS (Vietnamese text rendered)', async () => {
    const saved = process.env.E2E_BROWSER;
    process.env.E2E_BROWSER = 'bundled';
    let executablePath: string;
    let env: Record<string, string>;
    try {
      ({ executablePath, env } = resolveChromium());
    } finally {
      if (saved === undefined) delete process.env.E2E_BROWSER;
      else process.env.E2E_BROWSER = saved;
    }
    // what the fallback sets when the system lacks a library: the package's own copies first
    const libs = path.join(path.dirname(executablePath), 'lib');
    const forced: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...env,
      LD_LIBRARY_PATH: libs,
    };
    const linked = execFileSync('ldd', [executablePath], { encoding: 'utf8', env: forced as NodeJS.ProcessEnv });
    expect(linked).not.toContain('not found');
    expect(linked).toMatch(new RegExp(`libnss3\\.so => ${libs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const browser = await chromium.launch({ executablePath, env: forced, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>Tình huống dịch: nhiệm vụ</p>');
      expect(await page.textContent('p')).toBe('Tình huống dịch: nhiệm vụ');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('names a missing library and the Debian package to install, in one line', () => {
    const message = missingLibraryMessage('libnss3.so');
    expect(message).toContain('libnss3.so');
    expect(message).toContain('apt-get install libnss3');
    expect(message).not.toContain('\n');
    expect(missingLibraryMessage('libfoo.so.7')).toContain('apt-get install libfoo');
  });

  it('refuses a CHROMIUM_PATH that does not exist', () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      expect(() => resolveChromium()).toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium does not exist/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
