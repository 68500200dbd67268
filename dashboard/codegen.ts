import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the dashboard, by GraphQL Code Generator's client preset: every
 * schema/operations/dashboard/*.graphql document, validated against the emitted server schema,
 * becomes a TypedDocumentNode with its result and variables types in src/graphql/generated/.
 * `pnpm codegen` regenerates; `pnpm check` fails when the committed output is stale.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: '../schema/operations/dashboard/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        omitOperationSuffix: true,
        operationResultSuffix: 'Result',
        strictScalars: true,
        scalars: {
          Rupiah: 'number',
          Date: 'string',
          DateTimeISO: 'string',
        },
      },
    },
    // Each enum also as a const object, for pickers and label tables (Object.values(FlowLevel)).
    'src/graphql/generated/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' } },
    },
  },
};

export default config;
