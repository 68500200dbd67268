import {
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that records every statement a server runs, compiled, in the order their results
 * come back (sub-queries pass transformQuery too, but only statements sent get a result).
 */
export class StatementRecorder implements KyselyPlugin {
  readonly statements: CompiledQuery[] = [];
  readonly #compiled = new WeakMap<object, CompiledQuery>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#compiled.set(args.queryId, new PostgresQueryCompiler().compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const compiled = this.#compiled.get(args.queryId);
    if (compiled) this.statements.push(compiled);
    return args.result;
  }
}
