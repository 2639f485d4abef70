/**
 * The cursor checks on their own, against real Graph's root: what a connection accepts as
 * `after`, and which `@odata.nextLink`s it follows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../packages/gateway/src/errors.js';
import {
  type CollectionAddress,
  decodeCursor,
  encodeCursor,
  firstPageUrl,
  pageUrlProblem,
} from '../../packages/graph-client/src/resources/page-cursor.js';
import { MAX_SKIPTOKEN_LENGTH } from '../../packages/graph-client/src/resources/paging-values.js';

const ROOT = 'https://graph.microsoft.com/v1.0';
const JOBS: CollectionAddress = {
  path: '/print/printers/p-1/jobs',
  query: { $expand: 'tasks($expand=definition),documents' },
};
const FIRST = firstPageUrl(ROOT, JOBS);

describe('connection cursors', () => {
  it('round-trips a position on the first page and on a nextLink', () => {
    const next = `${FIRST}&$skiptoken=abc`;
    for (const position of [
      { pageUrl: FIRST, skip: 0 },
      { pageUrl: next, skip: 7 },
    ]) {
      expect(decodeCursor(encodeCursor(position), ROOT, JOBS)).toEqual(position);
    }
  });

  it.each([
    ['base64 with padding', 'RFNwdAIAAQAAACpHcm91cDpmZDk+Lw=='],
    ['base64url', 'MjAuYWJjZGVmZ2hpamtsbW5vcHFyc3R1dg'],
    ['hex in percent-encoded quotes', 'X%274453707402000100000017%27'],
    ['a count in $skip', null],
  ])("accepts Graph's own paging values: %s", (_label, token) => {
    const pageUrl = token === null ? `${FIRST}&$skip=100` : `${FIRST}&$skiptoken=${token}`;
    expect(pageUrlProblem(pageUrl, ROOT, JOBS)).toBeNull();
  });

  it("follows Graph's nextLink however it encodes the same options", () => {
    const encoded = `${ROOT}/print/printers/p-1/jobs?%24expand=tasks(%24expand%3Ddefinition)%2Cdocuments&%24skiptoken=x`;
    expect(pageUrlProblem(encoded, ROOT, JOBS)).toBeNull();
  });

  it.each([
    ['http instead of https', FIRST.replace('https:', 'http:')],
    ['a lookalike host', FIRST.replace('graph.microsoft.com', 'graph.microsoft.com.evil.example')],
    ['credentials', FIRST.replace('https://', 'https://graph.microsoft.com@')],
    ['the beta root', FIRST.replace('/v1.0/', '/beta/')],
    ['another printer', FIRST.replace('p-1', 'p-2')],
    ['a dot segment', FIRST.replace('/print/', '/print/../print/')],
    ['a fragment', `${FIRST}#x`],
    ['a repeated option', `${FIRST}&$skiptoken=a&$skiptoken=b`],
    ['an option the field does not send', `${FIRST}&$filter=x`],
    ['a missing option', `${ROOT}/print/printers/p-1/jobs?$skiptoken=a`],
    ['a backslash', FIRST.replace('/print/', '\\print/')],
    // The SDK reads a call path holding `https://` as an absolute URL, on another host.
    ['a $skiptoken holding a URL', `${FIRST}&$skiptoken=https://evil.example/x`],
    ['a $skip holding a URL', `${FIRST}&$skip=https://evil.example/x`],
    ['a $skiptoken with a colon', `${FIRST}&$skiptoken=a:b`],
    ['a $skiptoken with a query separator', `${FIRST}&$skiptoken=a?b`],
    ['an empty $skiptoken', `${FIRST}&$skiptoken=`],
    ['a $skip that is not a count', `${FIRST}&$skip=-1`],
    [
      'a $skiptoken longer than any Graph sends',
      `${FIRST}&$skiptoken=${'a'.repeat(MAX_SKIPTOKEN_LENGTH + 1)}`,
    ],
  ])('refuses %s', (_label, pageUrl) => {
    expect(pageUrlProblem(pageUrl, ROOT, JOBS)).not.toBeNull();
    expect(() => decodeCursor(encodeCursor({ pageUrl, skip: 0 }), ROOT, JOBS)).toThrow(
      InvalidInputError,
    );
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['too long', 'a'.repeat(5_000)],
    ['an object', Buffer.from('{"skip":0}').toString('base64url')],
    ['a fractional skip', encodeCursor({ pageUrl: FIRST, skip: 1.5 })],
    ['a skip beyond any page', encodeCursor({ pageUrl: FIRST, skip: 1_001 })],
  ])('refuses a cursor that is %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, ROOT, JOBS)).toThrow(InvalidInputError);
  });

  it('quotes, in docs/errors.md, the longest skiptoken a cursor may hold', () => {
    const errors = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const row = errors.split('\n').find((line) => line.startsWith("| A connection's `after`"));
    expect(row).toContain(`at most ${MAX_SKIPTOKEN_LENGTH.toLocaleString('en-US')} characters`);
  });
});
