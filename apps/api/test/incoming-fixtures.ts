import type { GraphQLResponse, TestApp } from '../src/testing/test-app';

// Operations and inputs shared by the incoming e2e specs.

export const RESULT = '{ id revision position }';
export const RECEIVE = `mutation($input: ReceiveIncomingDocumentInput!) { receiveIncomingDocument(input: $input) ${RESULT} }`;
export const REGISTER = `mutation($id: ID!, $code: String, $commandId: ID) {
  registerIncomingDocument(documentId: $id, registerCode: $code, commandId: $commandId) ${RESULT} }`;

export const AGENCY = { ubnd: '000.00.00.H41', snv: '000.00.01.H41', stc: '000.00.02.H41', xa: '000.01.00.H41' } as const;

export interface Result {
  id: string;
  revision: number;
  position: string;
}

let sequence = 0;

/** A well-formed incoming document; every call gets its own number so none is a duplicate of another. */
export function documentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    channel: 'PAPER',
    sender: { agencyCode: AGENCY.ubnd, name: 'Ủy ban nhân dân tỉnh Demo' },
    codeNumber: String(sequence),
    codeNotation: 'QĐ-UBND',
    issuedDate: '2026-11-16',
    documentType: 'Quyết định',
    subject: `Quyết định số ${sequence} về việc kiện toàn tổ chức bộ máy`,
    signer: { fullName: 'Lê Văn Đạo', position: 'Chủ tịch' },
    attachments: [{ fileName: `QD_${sequence}_2026.pdf`, mediaType: 'application/pdf', sizeBytes: 182_044, sha256: 'ab'.repeat(32) }],
    ...overrides,
  };
}

/** Runs a mutation that must succeed and returns its CommandResult. */
export async function succeed(t: TestApp, query: string, variables: Record<string, unknown>, username: string): Promise<Result> {
  const res = await t.graphql<Record<string, Result>>(query, variables, username);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data ?? {})[0];
}

export const receive = (t: TestApp, clerk: string, overrides: Record<string, unknown> = {}) =>
  succeed(t, RECEIVE, { input: documentInput(overrides) }, clerk);

export const register = (t: TestApp, clerk: string, id: string, code?: string) => succeed(t, REGISTER, { id, code }, clerk);

/** The first error's extensions of a refused operation. */
export function refusal(res: GraphQLResponse): Record<string, unknown> {
  expect(res.errors).toBeDefined();
  return res.errors?.[0].extensions ?? {};
}

/** Asserts that `act` is refused and appends nothing to the event store; returns the error's extensions. */
export async function refusedWithoutEffect(t: TestApp, act: () => Promise<GraphQLResponse>): Promise<Record<string, unknown>> {
  const before = await t.eventCount();
  const extensions = refusal(await act());
  expect(await t.eventCount()).toBe(before);
  return extensions;
}
