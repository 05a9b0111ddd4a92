import { toVietnamIso } from '@app/working-time';
import type { GraphQLClient } from './graphql-client';
import type { CommandResult } from './incoming-operations';

// The operations of the outgoing flow, as apps/api/test/outgoing-fixtures.ts drives them (api-contract.md "Outgoing documents").
const RESULT = '{ id revision position }';
const CREATE = `mutation Create($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) ${RESULT} }`;
const SUBMIT = `mutation Submit($id: ID!, $approver: String!) { submitOutgoingDraft(documentId: $id, approverUsername: $approver) ${RESULT} }`;
const APPROVE = `mutation Approve($id: ID!) { approveOutgoingDraft(documentId: $id) ${RESULT} }`;
const SIGN = `mutation Sign($id: ID!, $signature: SignatureInput!) { signOutgoingDocument(documentId: $id, signature: $signature) ${RESULT} }`;
const NUMBER = `mutation Number($id: ID!) { numberOutgoingDocument(documentId: $id) ${RESULT} }`;
const SEAL = `mutation Seal($id: ID!, $signature: AgencySignatureInput!) { applyAgencySignature(documentId: $id, signature: $signature) ${RESULT} }`;
const ISSUE = `mutation Issue($id: ID!) { issueOutgoingDocument(documentId: $id) ${RESULT} }`;
const INCOMING = `query Incoming($id: ID!, $consistentWith: String) { incomingDocument(id: $id, consistentWith: $consistentWith) { id status source { outgoingDocumentId agencyCode } } }`;

export const OUTGOING_FIELDS = {
  mutation: ['createOutgoingDraft', 'submitOutgoingDraft', 'approveOutgoingDraft', 'signOutgoingDocument', 'numberOutgoingDocument', 'applyAgencySignature', 'issueOutgoingDocument'],
  query: ['incomingDocument'],
} as const;

const MAIN_FILE = { fileName: 'QD_cu_cong_chuc_tap_huan.pdf', mediaType: 'application/pdf', sizeBytes: 204_800, sha256: 'ab'.repeat(32) };

/** The people of one agency who take a draft to issue, with their tokens. */
export interface AgencyDesk {
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly unitId: string;
  readonly officer: { readonly username: string; readonly token: string };
  readonly leader: { readonly username: string; readonly token: string };
  readonly clerk: { readonly username: string; readonly token: string };
}

export interface FlowTimes {
  readonly outgoingId: string;
  /** performance.now() when the issue mutation answered. */
  readonly issuedAt: number;
  /** Milliseconds of each mutation, in flow order. */
  readonly stepsMs: readonly number[];
}

const signatureNow = () => ({ certificateSerial: '5403A1B2C3D4E5F6', signedAt: toVietnamIso(new Date()), documentSha256: MAIN_FILE.sha256 });

export class OutgoingOperations {
  constructor(private readonly client: GraphQLClient) {}

  private async command(name: string, query: string, variables: Record<string, unknown>, token: string): Promise<CommandResult> {
    const data = await this.client.request<Record<string, CommandResult>>(name, query, variables, token);
    return Object.values(data)[0];
  }

  /** create draft → submit → approve → sign → number → seal → issue, from `from` to `to`. */
  async flow(from: AgencyDesk, to: AgencyDesk, n: number, now: () => number): Promise<FlowTimes> {
    const stepsMs: number[] = [];
    const timed = async (name: string, query: string, variables: Record<string, unknown>, token: string) => {
      const t0 = now();
      const result = await this.command(name, query, variables, token);
      stepsMs.push(now() - t0);
      return result;
    };
    const input = {
      agencyCode: from.agencyCode,
      unitId: from.unitId,
      documentType: n % 2 === 0 ? 'QUYET_DINH' : 'CONG_VAN',
      subject: `Về việc cử công chức tham gia tập huấn chuyển đổi số, đợt ${n}`,
      recipients: [{ agencyCode: to.agencyCode, name: to.agencyName }],
      attachments: [MAIN_FILE],
    };
    const { id } = await timed('createOutgoingDraft', CREATE, { input }, from.officer.token);
    await timed('submitOutgoingDraft', SUBMIT, { id, approver: from.leader.username }, from.officer.token);
    await timed('approveOutgoingDraft', APPROVE, { id }, from.leader.token);
    await timed('signOutgoingDocument', SIGN, { id, signature: signatureNow() }, from.leader.token);
    await timed('numberOutgoingDocument', NUMBER, { id }, from.clerk.token);
    await timed('applyAgencySignature', SEAL, { id, signature: signatureNow() }, from.clerk.token);
    await timed('issueOutgoingDocument', ISSUE, { id }, from.clerk.token);
    return { outgoingId: id, issuedAt: now(), stepsMs };
  }

  /** The recipient clerk's view of the document it received, once the read models passed `consistentWith`. */
  async incoming(copyId: string, token: string, consistentWith: string): Promise<{ id: string; source: { outgoingDocumentId: string } | null } | null> {
    const data = await this.client.request<{ incomingDocument: { id: string; source: { outgoingDocumentId: string } | null } | null }>(
      'incomingDocument',
      INCOMING,
      { id: copyId, consistentWith },
      token,
    );
    return data.incomingDocument;
  }
}
