/**
 * Typed documents for the tests: `npm run codegen` turns test/documents/*.graphql into
 * test/__generated__/, typed against schema.graphql (itself printed by `npm run schema`).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/documents/**/*.graphql'],
  generates: {
    'test/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
  // ESM with NodeNext resolution: generated imports need their .js extension.
  emitLegacyCommonJSImports: false,
  hooks: { afterAllFileWrite: ['biome format --write --no-errors-on-unmatched'] },
};

export default config;
