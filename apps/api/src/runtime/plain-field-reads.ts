import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** The name of the resolver Nest gives every field of a code-first object type (ObjectTypeDefinitionFactory). */
const NEST_FIELD_READ = 'rootFieldResolver';

/**
 * Takes out of `schema` (in place) each field resolver that only reads the field's own property: Nest gives one to
 * every field of a code-first object type, `root[propertyName]` or the field's default value, even where that is
 * what GraphQL does with no resolver at all.
 *
 * Why: graphql-jit compiles a field without resolver into a property read, and a field with one into a call that
 * allocates a resolve info, a path, an arguments object and two callbacks. A document history is ~2,300 fields:
 * those calls were a quarter of what a history read allocated (docs/decisions.md "Compiled execution").
 *
 * A resolver is taken out only when it is Nest's and reads the property of the field's schema name with no
 * default: a field renamed in the schema, with a default value, a field middleware or a @ResolveField keeps its own.
 */
export function withoutPlainFieldReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && readsOnlyProperty(field.resolve, field.name)) field.resolve = undefined;
    }
  }
  return schema;
}

/** Nest's field resolver reads its source only; tried on two sources, it shows which property it reads and its default. */
function readsOnlyProperty(resolve: GraphQLFieldResolver<unknown, unknown>, name: string): boolean {
  if (resolve.name !== NEST_FIELD_READ) return false;
  const read = resolve as (source: Record<string, unknown>) => unknown;
  const value = {};
  return read({ [name]: value }) === value && read({}) === undefined;
}
