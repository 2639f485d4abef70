/**
 * The committed manifest is exactly the release app's documents: every operation in
 * clients/release-app/*.graphql is in it, under the SHA-256 of its text as codegen prints it,
 * and nothing else is. CI's freshness step (npm run codegen, then git diff) catches the same
 * drift; this says which document drifted. Also: the loader refuses a tampered manifest.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { type DocumentNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  loadTrustedDocuments,
  sha256,
  TrustedDocumentsFileError,
} from '../../packages/gateway/src/edge/trusted-documents.js';

const CLIENT_DIR = new URL('../../clients/release-app/', import.meta.url);
const MANIFEST = new URL('__generated__/persisted-documents.json', CLIENT_DIR);

/** Each operation of a file as its own document (none of these uses fragments). */
function operations(): Array<{ name: string; document: DocumentNode }> {
  return readdirSync(CLIENT_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) =>
      parse(readFileSync(new URL(file, CLIENT_DIR), 'utf8')).definitions.map((definition) => {
        if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
          throw new Error(`${file}: only named operations belong in clients/`);
        }
        return {
          name: definition.name.value,
          document: { kind: Kind.DOCUMENT, definitions: [definition] } as DocumentNode,
        };
      }),
    );
}

describe('the release app manifest', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;

  it('has every operation in clients/release-app under the hash of its text', () => {
    const found = operations();
    expect(found.map((op) => op.name).sort()).toEqual([
      'Abort',
      'MyWaitingJobs',
      'Redirect',
      'Release',
      'ReleaseAllHere',
      'ReleaseScreen',
    ]);
    for (const { name, document } of found) {
      const text = printExecutableGraphQLDocument(document);
      expect(manifest[`sha256:${sha256(text)}`], `${name} is stale in the manifest`).toBe(text);
    }
  });

  it('has nothing the clients do not send', () => {
    expect(Object.keys(manifest)).toHaveLength(operations().length);
  });

  it('loads, each id checked against its document', () => {
    expect(loadTrustedDocuments(MANIFEST.pathname).size).toBe(operations().length);
  });
});

describe('loadTrustedDocuments', () => {
  const write = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'upg-manifest-')), 'm.json');
    writeFileSync(path, content);
    return path;
  };
  const query = '{ __typename }';

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an id without sha256:', JSON.stringify({ [sha256(query)]: query })],
    ['a document that is not a string', JSON.stringify({ [`sha256:${sha256(query)}`]: 1 })],
    ['an id of another document', JSON.stringify({ [`sha256:${sha256('{ a }')}`]: query })],
  ])('refuses %s', (_what, content) => {
    expect(() => loadTrustedDocuments(write(content))).toThrow(TrustedDocumentsFileError);
  });

  it('refuses a file that is not there', () => {
    expect(() => loadTrustedDocuments('/nonexistent/manifest.json')).toThrow(
      TrustedDocumentsFileError,
    );
  });
});
