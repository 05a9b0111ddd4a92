import { ObjectTypeDefinitionFactory } from '@nestjs/graphql/dist/schema-builder/factories/object-type-definition.factory';
import { graphqlSync, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldResolver } from 'graphql';
import { withoutPlainFieldReads } from './plain-field-reads';

/** The resolver Nest's code-first schema builder gives a field (its own factory, so a change in Nest shows here). */
function nestFieldResolver(name: string, defaultValue?: string): GraphQLFieldResolver<unknown, unknown> {
  // A private method of Nest's factory, which uses nothing of the instance.
  const factory = ObjectTypeDefinitionFactory.prototype as unknown as {
    createFieldResolver(field: { name: string; options: { defaultValue?: string } }, options: object): GraphQLFieldResolver<unknown, unknown>;
  };
  return factory.createFieldResolver.call(null, { name, options: { defaultValue } }, {});
}

function schemaWith(fields: Record<string, GraphQLFieldResolver<unknown, unknown>>): GraphQLSchema {
  const event = new GraphQLObjectType({
    name: 'Event',
    fields: Object.fromEntries(Object.entries(fields).map(([name, resolve]) => [name, { type: GraphQLString, resolve }])),
  });
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { event: { type: event, resolve: () => ({ summary: 'Tiếp nhận', stored: 'as stored' }) } } }) });
}

const fieldOf = (schema: GraphQLSchema, name: string) => (schema.getType('Event') as GraphQLObjectType).getFields()[name];

describe('withoutPlainFieldReads', () => {
  it("takes out Nest's resolver of a field that reads its own property, and the field answers the same", () => {
    const schema = withoutPlainFieldReads(schemaWith({ summary: nestFieldResolver('summary') }));

    expect(fieldOf(schema, 'summary').resolve).toBeUndefined();
    expect(graphqlSync({ schema, source: '{ event { summary } }' }).data).toEqual({ event: { summary: 'Tiếp nhận' } });
  });

  it('keeps the resolver of a field renamed in the schema, which reads another property', () => {
    const schema = withoutPlainFieldReads(schemaWith({ shown: nestFieldResolver('stored') }));

    expect(fieldOf(schema, 'shown').resolve).toBeDefined();
    expect(graphqlSync({ schema, source: '{ event { shown } }' }).data).toEqual({ event: { shown: 'as stored' } });
  });

  it('keeps the resolver of a field with a default value', () => {
    const schema = withoutPlainFieldReads(schemaWith({ missing: nestFieldResolver('missing', 'mặc định') }));

    expect(fieldOf(schema, 'missing').resolve).toBeDefined();
    expect(graphqlSync({ schema, source: '{ event { missing } }' }).data).toEqual({ event: { missing: 'mặc định' } });
  });

  it('keeps any other resolver, without calling it', () => {
    const computed = jest.fn(() => 'computed');
    const schema = withoutPlainFieldReads(schemaWith({ summary: computed }));

    expect(fieldOf(schema, 'summary').resolve).toBe(computed);
    expect(computed).not.toHaveBeenCalled();
  });
});
