/**
 * What the README says about printers as devices, held to the code: the capability cache's
 * default, bound and range.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/gateway/src/config.js';
import { DEFAULT_PRINTER_MEMORY } from '../../packages/gateway/src/domain/printing/printer-memory.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const row = readme
  .split('\n')
  .find((line) => line.startsWith('| `PRINTER_CAPABILITIES_CACHE_SECONDS`'));

describe('PRINTER_CAPABILITIES_CACHE_SECONDS in the README', () => {
  it('has the default, the bound and the range of the code', () => {
    expect(row).toContain(`| \`${DEFAULT_PRINTER_MEMORY.ttlMs / 1000}\` |`);
    expect(row).toContain(
      `at most ${DEFAULT_PRINTER_MEMORY.maxEntries.toLocaleString('en')} printers`,
    );
    expect(row).toContain('(0–3600;');
    const ttl = (value: string) =>
      loadConfig({ PRINTER_CAPABILITIES_CACHE_SECONDS: value }).printerMemory.ttlMs;
    expect(ttl('0')).toBe(0);
    expect(ttl('3600')).toBe(3_600_000);
    expect(loadConfig({}).printerMemory).toEqual(DEFAULT_PRINTER_MEMORY);
    for (const wrong of ['3601', '-1', 'soon']) {
      expect(() => ttl(wrong)).toThrow(/PRINTER_CAPABILITIES_CACHE_SECONDS/);
    }
  });
});
