/**
 * Typed documents for the dashboard: reads schema/operations/dashboard/*.graphql, validates each
 * against the API schema and writes src/graphql/operations.ts — one TypedDocumentNode per operation
 * with its result and variables types, plus the enum and input types they use.
 *
 * The schema is schema/schema.graphql, emitted from the server code: an operation the server cannot
 * answer fails here, at build time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  type FragmentDefinitionNode,
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  type GraphQLSchema,
  GraphQLUnionType,
  isAbstractType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  type TypeNode,
  validate,
} from 'graphql';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const emittedPath = path.join(root, 'schema/schema.graphql');
const operationsDir = path.join(root, 'schema/operations/dashboard');
const outPath = path.join(here, '../src/graphql/operations.ts');

/** The emitted schema of the server. */
function emittedSchema(): GraphQLSchema {
  return buildASTSchema(parse(fs.readFileSync(emittedPath, 'utf8')), { assumeValidSDL: false });
}

const scalarTs: Record<string, string> = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
  Rupiah: 'number',
  Date: 'string',
};

const usedEnums = new Set<string>();
const usedInputs = new Set<string>();

function scalarOrEnum(type: GraphQLScalarType | GraphQLEnumType): string {
  if (type instanceof GraphQLEnumType) {
    usedEnums.add(type.name);
    return type.name;
  }
  return scalarTs[type.name] ?? 'unknown';
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

function outputType(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selection: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): string {
  if (type instanceof GraphQLNonNull) return nonNullOutput(schema, type.ofType, selection, fragments);
  const nullable = (t: string) => `${t} | null`;
  return nullable(nonNullOutput(schema, type, selection, fragments));
}

function nonNullOutput(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selection: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): string {
  if (type instanceof GraphQLNonNull) return nonNullOutput(schema, type.ofType, selection, fragments);
  if (type instanceof GraphQLList) {
    const inner = type.ofType instanceof GraphQLNonNull ? null : true;
    const item = inner
      ? outputType(schema, type.ofType, selection, fragments)
      : nonNullOutput(schema, type.ofType, selection, fragments);
    return `Array<${item}>`;
  }
  if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) return scalarOrEnum(type);
  if (!selection) throw new Error(`selection needed on ${type.name}`);
  if (isAbstractType(type)) {
    const variants = schema.getPossibleTypes(type).map((t) => objectShape(schema, t, selection, fragments, t.name));
    return variants.length === 1 ? variants[0]! : `(${variants.join(' | ')})`;
  }
  return objectShape(schema, type as GraphQLObjectType, selection, fragments, (type as GraphQLObjectType).name);
}

/** The fields a selection set yields on one concrete object type. */
function objectShape(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  typename: string,
): string {
  const fields: string[] = [];
  const seen = new Set<string>();
  const applies = (condition: string | undefined) =>
    !condition ||
    condition === type.name ||
    type.getInterfaces().some((i) => i.name === condition) ||
    (schema.getType(condition) instanceof GraphQLUnionType &&
      schema.isSubType(schema.getType(condition) as GraphQLUnionType, type));
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        if (seen.has(key)) continue;
        seen.add(key);
        if (sel.name.value === '__typename') {
          fields.push(`__typename: '${typename}';`);
          continue;
        }
        const field = type.getFields()[sel.name.value];
        if (!field) throw new Error(`${type.name} has no field ${sel.name.value}`);
        fields.push(`${key}: ${outputType(schema, field.type, sel.selectionSet, fragments)};`);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(sel.typeCondition?.name.value)) walk(sel.selectionSet);
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag && applies(frag.typeCondition.name.value)) walk(frag.selectionSet);
      }
    }
  };
  walk(selection);
  return `{\n${indent(fields.join('\n'))}\n}`;
}

function inputTypeTs(schema: GraphQLSchema, type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return inputNonNull(schema, type.ofType);
  return `${inputNonNull(schema, type)} | null`;
}
function inputNonNull(schema: GraphQLSchema, type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return inputNonNull(schema, type.ofType);
  if (type instanceof GraphQLList) return `Array<${inputTypeTs(schema, type.ofType)}>`;
  if (type instanceof GraphQLInputObjectType) {
    collectInput(schema, type);
    return type.name;
  }
  return scalarOrEnum(type as GraphQLScalarType | GraphQLEnumType);
}
function collectInput(schema: GraphQLSchema, type: GraphQLInputObjectType) {
  if (usedInputs.has(type.name)) return;
  usedInputs.add(type.name);
  for (const f of Object.values(type.getFields())) inputTypeTs(schema, f.type);
}

function typeFromNode(schema: GraphQLSchema, node: TypeNode): GraphQLInputType {
  if (node.kind === Kind.NON_NULL_TYPE) return new GraphQLNonNull(typeFromNode(schema, node.type));
  if (node.kind === Kind.LIST_TYPE) return new GraphQLList(typeFromNode(schema, node.type));
  const t = schema.getType(node.name.value);
  if (!t) throw new Error(`unknown type ${node.name.value}`);
  return t as GraphQLInputType;
}

function variablesType(schema: GraphQLSchema, op: OperationDefinitionNode): string {
  const vars = (op.variableDefinitions ?? []).map((v) => {
    const t = typeFromNode(schema, v.type);
    const optional = !(t instanceof GraphQLNonNull) || v.defaultValue !== undefined;
    return `${v.variable.name.value}${optional ? '?' : ''}: ${inputTypeTs(schema, t)};`;
  });
  return vars.length ? `{\n${indent(vars.join('\n'))}\n}` : 'Record<string, never>';
}

/** A template literal: the operation stays readable in the generated file. */
function quote(text: string): string {
  return `\`\n${text.replace(/[`\\]|\$\{/g, (c) => `\\${c}`)}\n\``;
}

function enumBlock(e: GraphQLEnumType): string {
  const values = e.getValues().map((v) => `'${v.name}'`);
  return `export const ${e.name}Values = [${values.join(', ')}] as const;\nexport type ${e.name} = (typeof ${e.name}Values)[number];\n`;
}

function main() {
  const schema = emittedSchema();
  const files = fs
    .readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const blocks: string[] = [];
  const names: string[] = [];
  let failed = false;
  for (const file of files) {
    const source = fs.readFileSync(path.join(operationsDir, file), 'utf8');
    const doc = parse(source);
    const errors = validate(schema, doc);
    if (errors.length) {
      failed = true;
      for (const e of errors) process.stderr.write(`codegen: ${file}: ${e.message}\n`);
      continue;
    }
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = def.name?.value;
      if (!name) throw new Error(`${file}: every operation needs a name`);
      if (`${name}.graphql` !== file) throw new Error(`${file}: the operation ${name} belongs in ${name}.graphql`);
      const root = def.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
      if (!root) throw new Error(`${file}: no ${def.operation} type`);
      const result = objectShape(schema, root, def.selectionSet, fragments, root.name);
      const vars = variablesType(schema, def);
      names.push(name);
      blocks.push(
        `/** ${file} */\nexport type ${name}Result = ${result};\n\nexport type ${name}Variables = ${vars};\n\n` +
          `export const ${name}Source = ${quote(print(doc))};\n` +
          `export const ${name}Document: TypedDocumentNode<${name}Result, ${name}Variables> = gql(${name}Source);\n`,
      );
    }
  }
  if (failed) process.exit(1);

  const enums = [...usedEnums].sort().map((n) => enumBlock(schema.getType(n) as GraphQLEnumType));
  const inputs = [...usedInputs].sort().map((n) => {
    const t = schema.getType(n) as GraphQLInputObjectType;
    const fields = Object.values(t.getFields()).map((f) => {
      const optional = !(f.type instanceof GraphQLNonNull) || f.defaultValue !== undefined;
      return `${f.name}${optional ? '?' : ''}: ${inputTypeTs(schema, f.type)};`;
    });
    return `export type ${n} = {\n${indent(fields.join('\n'))}\n};\n`;
  });
  // Every enum the schema has, for labels and pickers, even when no operation selects it.
  for (const t of Object.values(schema.getTypeMap())) {
    if (t instanceof GraphQLEnumType && !t.name.startsWith('__') && !usedEnums.has(t.name)) {
      enums.push(enumBlock(t));
    }
  }
  const body = [
    '// Generated by dashboard/scripts/codegen.ts from schema/operations/dashboard/*.graphql. Do not edit.',
    "import { gql, type TypedDocumentNode } from '@urql/core';",
    '',
    ...enums,
    ...inputs,
    ...blocks,
    `export const operationNames = [${names.map((n) => `'${n}'`).join(', ')}] as const;\n`,
  ].join('\n');
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  // Format as the repository does (Biome), so the committed file stays unchanged by `pnpm lint`.
  const tmp = path.join(path.dirname(outPath), '.operations.tmp.ts');
  fs.writeFileSync(tmp, body);
  try {
    execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', tmp], {
      cwd: root,
      stdio: 'ignore',
    });
    const formatted = fs.readFileSync(tmp, 'utf8');
    const previous = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (previous !== formatted) fs.writeFileSync(outPath, formatted);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  process.stderr.write(`codegen: ${names.length} operations → ${path.relative(root, outPath)}\n`);
}

main();
