import { GraphQLResolveInfo, Kind, SelectionNode } from 'graphql';

/**
 * The fields selected directly under the field being resolved (through fragments), sorted: which parts
 * of a document a read returned, e.g. `attachments` for its attachment metadata.
 */
export function selectedFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          if (selection.name.value !== '__typename') names.add(selection.name.value);
          break;
        case Kind.INLINE_FRAGMENT:
          visit(selection.selectionSet.selections);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          if (fragment) visit(fragment.selectionSet.selections);
          break;
        }
        default: {
          const _exhaustive: never = selection;
          return _exhaustive;
        }
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections);
  return [...names].sort();
}
