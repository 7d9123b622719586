import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the repository root (npm run web:codegen). Typed operations from the committed schema; `npm run web:codegen:check` fails when src/gql is stale.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', ID: 'string' } },
    },
  },
};

export default config;
