import type { GraphQLClient } from './graphql-client';
import { argumentLists, RootFields } from './schema-fields';

/** The root fields (e) drives (api-contract.md "Incoming documents"). */
export const REQUIRED_FIELDS = {
  mutation: ['receiveIncomingDocument', 'registerIncomingDocument'],
  query: ['incomingRegister'],
} as const;

export interface CommandResult {
  readonly id: string;
  readonly position: string;
}

export interface RegisterQuery {
  readonly agencyCode: string;
  readonly year: number;
  readonly registerCode: string;
  /** Text that only the wanted document matches (its subject carries it). */
  readonly text: string;
}

/** The incoming-document operations over HTTP, written against the argument types the API reports. */
export class IncomingOperations {
  private readonly receiveQuery: string;
  private readonly registerQuery: string;
  private readonly registerListQuery: string;
  /** Whether incomingRegister takes `consistentWith`; without it visibility is found by polling. */
  readonly consistentWith: boolean;

  constructor(
    private readonly client: GraphQLClient,
    fields: RootFields,
  ) {
    const receive = argumentLists(fields.mutation.get('receiveIncomingDocument') ?? new Map(), ['input']);
    this.receiveQuery = `mutation Receive${receive.definitions} { receiveIncomingDocument${receive.uses} { id revision position } }`;
    const register = argumentLists(fields.mutation.get('registerIncomingDocument') ?? new Map(), ['documentId', 'registerCode']);
    this.registerQuery = `mutation Register${register.definitions} { registerIncomingDocument${register.uses} { id revision position } }`;
    const listArgs = fields.query.get('incomingRegister') ?? new Map<string, string>();
    this.consistentWith = listArgs.has('consistentWith');
    const list = argumentLists(listArgs, ['agencyCode', 'year', 'registerCode', 'filter', 'first', ...(this.consistentWith ? ['consistentWith'] : [])]);
    this.registerListQuery = `query IncomingRegister${list.definitions} { incomingRegister${list.uses} { totalCount edges { node { id } } } }`;
  }

  async receive(input: Record<string, unknown>, token: string): Promise<CommandResult> {
    const data = await this.client.request<{ receiveIncomingDocument: CommandResult }>('receiveIncomingDocument', this.receiveQuery, { input }, token);
    return data.receiveIncomingDocument;
  }

  async register(documentId: string, registerCode: string, token: string): Promise<CommandResult> {
    const data = await this.client.request<{ registerIncomingDocument: CommandResult }>(
      'registerIncomingDocument',
      this.registerQuery,
      { documentId, registerCode },
      token,
    );
    return data.registerIncomingDocument;
  }

  /** Ids in the register matching `query.text`, once the read models passed `consistentWith` (when supported). */
  async registerIds(query: RegisterQuery, token: string, consistentWith: string | null): Promise<string[]> {
    const variables: Record<string, unknown> = {
      agencyCode: query.agencyCode,
      year: query.year,
      registerCode: query.registerCode,
      filter: { text: query.text },
      first: 5,
      ...(this.consistentWith ? { consistentWith } : {}),
    };
    const data = await this.client.request<{ incomingRegister: { edges: { node: { id: string } }[] } }>(
      'incomingRegister',
      this.registerListQuery,
      variables,
      token,
    );
    return data.incomingRegister.edges.map((edge) => edge.node.id);
  }
}
