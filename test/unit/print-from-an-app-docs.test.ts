/**
 * What the README and docs/errors.md say about printing from an app, held to the code: the share
 * cache's default, bound and range, and the upload terms the answer gives clients.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/gateway/src/config.js';
import { DEFAULT_SHARE_MEMORY } from '../../packages/gateway/src/domain/printing/share-memory.js';
import {
  MAX_DOCUMENT_BYTES,
  MAX_UPLOAD_BYTES_PER_REQUEST,
} from '../../packages/gateway/src/domain/printing/upload-terms.js';
import { MAX_DOCUMENT_NAME_LENGTH } from '../../packages/gateway/src/schema/print-job/print-submission.mutation.js';
import { MAX_SEARCH_LENGTH } from '../../packages/gateway/src/schema/printer-share/printer-shares.query.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const errors = read('docs/errors.md');
const row = readme.split('\n').find((line) => line.startsWith('| `PRINTER_SHARE_CACHE_SECONDS`'));

describe('PRINTER_SHARE_CACHE_SECONDS in the README', () => {
  it('has the default, the bound and the range of the code', () => {
    expect(row).toContain(`| \`${DEFAULT_SHARE_MEMORY.ttlMs / 1000}\` |`);
    expect(row).toContain(`at most ${DEFAULT_SHARE_MEMORY.maxEntries.toLocaleString('en')} shares`);
    expect(row).toContain('(0–3600;');
    expect(loadConfig({ PRINTER_SHARE_CACHE_SECONDS: '0' }).shareMemory.ttlMs).toBe(0);
    expect(loadConfig({ PRINTER_SHARE_CACHE_SECONDS: '3600' }).shareMemory.ttlMs).toBe(3_600_000);
    expect(() => loadConfig({ PRINTER_SHARE_CACHE_SECONDS: '3601' })).toThrow(
      /PRINTER_SHARE_CACHE_SECONDS/,
    );
    expect(() => loadConfig({ PRINTER_SHARE_CACHE_SECONDS: '-1' })).toThrow(
      /PRINTER_SHARE_CACHE_SECONDS/,
    );
  });
});

describe('docs/errors.md on printing', () => {
  it("names the code's limits", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(1024 ** 3);
    expect(errors).toContain('over 1 GiB');
    expect(errors).toContain(`over-${MAX_DOCUMENT_NAME_LENGTH}-character`);
    expect(errors).toContain(`(at most ${MAX_SEARCH_LENGTH} characters)`);
    expect(MAX_UPLOAD_BYTES_PER_REQUEST + 1).toBe(10 * 1024 * 1024);
    expect(errors).toContain('`413` for a request of 10 MiB or more');
  });
});
