import type { GraphQLClient } from './graphql-client';

interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}

interface FieldInfo {
  readonly name: string;
  readonly args: readonly { readonly name: string; readonly type: TypeRef }[];
}

/** Argument name → its GraphQL type as written in a variable definition, e.g. `ReceiveIncomingDocumentInput!`. */
export type ArgumentTypes = ReadonlyMap<string, string>;

export interface RootFields {
  readonly query: ReadonlyMap<string, ArgumentTypes>;
  readonly mutation: ReadonlyMap<string, ArgumentTypes>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTION = `{ __schema {
  queryType { fields { name args { name type { ${TYPE_REF} } } } }
  mutationType { fields { name args { name type { ${TYPE_REF} } } } }
} }`;

/**
 * The root fields the running API offers, with their argument types: the benchmark writes its
 * operations with variables without hard-coding input type names, and sees which operations exist.
 */
export async function rootFields(client: GraphQLClient): Promise<RootFields> {
  const data = await client.request<{
    __schema: { queryType: { fields: FieldInfo[] }; mutationType: { fields: FieldInfo[] } | null };
  }>('introspection', INTROSPECTION, {});
  const toMap = (fields: readonly FieldInfo[]) =>
    new Map(fields.map((field) => [field.name, new Map(field.args.map((arg) => [arg.name, typeString(arg.type)]))]));
  return { query: toMap(data.__schema.queryType.fields), mutation: toMap(data.__schema.mutationType?.fields ?? []) };
}

function typeString(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL' && ref.ofType) return `${typeString(ref.ofType)}!`;
  if (ref.kind === 'LIST' && ref.ofType) return `[${typeString(ref.ofType)}]`;
  return ref.name ?? 'Unknown';
}

/** `($a: T, $b: U)` and `(a: $a, b: $b)` for the given arguments of a field. */
export function argumentLists(types: ArgumentTypes, names: readonly string[]): { definitions: string; uses: string } {
  const missing = names.find((name) => !types.has(name));
  if (missing !== undefined) throw new Error(`the API has no argument ${missing} here (it has ${[...types.keys()].join(', ')})`);
  return {
    definitions: `(${names.map((name) => `$${name}: ${types.get(name)}`).join(', ')})`,
    uses: `(${names.map((name) => `${name}: $${name}`).join(', ')})`,
  };
}
