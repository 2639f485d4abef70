/**
 * `npm run codegen`, typed against schema.graphql (itself printed by `npm run schema`):
 *
 * - test/documents/*.graphql → test/__generated__/: typed documents for the tests;
 * - clients/release-app/*.graphql → clients/release-app/__generated__/: the documents the
 *   release app sends, typed, and persisted-documents.json, the trusted-documents manifest
 *   (sha256 of each document → its text) the gateway serves by hash (docs/trusted-documents.md).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const typedDocuments = {
  enumsAsTypes: true,
  useTypeImports: true,
  scalars: { DateTime: 'string' },
};

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'test/__generated__/': {
      documents: ['test/documents/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typedDocuments,
    },
    'clients/release-app/__generated__/': {
      documents: ['clients/release-app/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // The app sends only the hash; its documents carry it as `__meta__.hash`.
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: typedDocuments,
    },
  },
  // ESM with NodeNext resolution: generated imports need their .js extension.
  emitLegacyCommonJSImports: false,
  hooks: { afterAllFileWrite: ['biome format --write --no-errors-on-unmatched'] },
};

export default config;
