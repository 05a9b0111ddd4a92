import { ProcessManagerRunner } from '@app/process-managers';
import { toVietnamIso } from '@app/working-time';
import type { TestApp } from '../src/testing/test-app';
import { RESULT, Result, succeed } from './incoming-fixtures';

// Operations and inputs shared by the outgoing e2e specs (demo province: Sở Nội vụ → UBND tỉnh).

export const CREATE = `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) ${RESULT} }`;
export const REVISE = `mutation($id: ID!, $input: ReviseOutgoingDraftInput!) { reviseOutgoingDraft(documentId: $id, input: $input) ${RESULT} }`;
export const SUBMIT = `mutation($id: ID!, $approver: String!) { submitOutgoingDraft(documentId: $id, approverUsername: $approver) ${RESULT} }`;
export const RETURN = `mutation($id: ID!, $reason: String!) { returnOutgoingDraft(documentId: $id, reason: $reason) ${RESULT} }`;
export const APPROVE = `mutation($id: ID!) { approveOutgoingDraft(documentId: $id) ${RESULT} }`;
export const SIGN = `mutation($id: ID!, $signature: SignatureInput!) { signOutgoingDocument(documentId: $id, signature: $signature) ${RESULT} }`;
export const NUMBER = `mutation($id: ID!, $code: String) { numberOutgoingDocument(documentId: $id, registerCode: $code) ${RESULT} }`;
export const SEAL = `mutation($id: ID!, $signature: AgencySignatureInput!) { applyAgencySignature(documentId: $id, signature: $signature) ${RESULT} }`;
export const ISSUE = `mutation($id: ID!) { issueOutgoingDocument(documentId: $id) ${RESULT} }`;
export const RECALL = `mutation($id: ID!, $reason: String!) { recallOutgoingDocument(documentId: $id, reason: $reason) ${RESULT} }`;
export const RECORD_DELIVERY = `mutation($id: ID!, $recipient: String!, $status: DeliveryStatus!, $note: String) {
  recordDeliveryStatus(documentId: $id, recipientAgencyCode: $recipient, status: $status, note: $note) ${RESULT} }`;
export const OUTGOING_DOCUMENT = `query($id: ID!, $p: String) { outgoingDocument(id: $id, consistentWith: $p) {
  id agencyCode status version documentType documentTypeName subject urgency replyToDocumentIds
  recipients { agencyCode name recipientKey inSystem } attachments { fileName sha256 }
  drafter { username } approver { username } returns { version reason returnedBy { username } }
  signature { signer { username fullName position competence } signedAt } issueDueAt overdue
  registerCode year number codeNumber codeNotation issuedDate identifier
  agencySignature { certificateSerial } issuedAt issuedLate recall { reason recalledBy { username } }
} }`;
export const DELIVERIES = `query($id: ID!, $p: String) { deliveries(documentId: $id, consistentWith: $p) {
  recipientKey agencyCode name inSystem status exchangeCode history { status exchangeCode source note recordedBy { username } }
} }`;

export const MAIN_FILE = { fileName: 'QD_cu_cong_chuc_tap_huan.pdf', mediaType: 'application/pdf', sizeBytes: 204_800, sha256: 'ab'.repeat(32) };
export const REVISED_MAIN_FILE = { ...MAIN_FILE, fileName: 'QD_cu_cong_chuc_tap_huan_v2.pdf', sha256: 'cd'.repeat(32) };
export const EXTERNAL = { name: 'Công ty TNHH Minh Phát', key: 'NAME:công ty tnhh minh phát' } as const;

/** The officer of Sở Nội vụ drafts; its director approves and signs; its clerk numbers, seals and issues. */
export const SNV = { officer: 'chuyenvien.snv', leader: 'lanhdao.snv', clerk: 'vanthu.snv' } as const;

/** A well-formed draft of Sở Nội vụ to UBND tỉnh (in the system) and a company (outside, without code). */
export function draftInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    agencyCode: '000.00.01.H41',
    unitId: 'snv-th',
    documentType: 'QUYET_DINH',
    subject: 'Quyết định cử công chức tham gia tập huấn chuyển đổi số',
    recipients: [{ agencyCode: '000.00.00.H41', name: 'Ủy ban nhân dân tỉnh Demo' }, { name: EXTERNAL.name }],
    attachments: [MAIN_FILE],
    ...overrides,
  };
}

/** A signature made now, on `sha256`. */
export const signatureOn = (sha256: string, extra: Record<string, unknown> = {}) => ({
  certificateSerial: '5403A1B2C3D4E5F6',
  signedAt: toVietnamIso(new Date()),
  documentSha256: sha256,
  ...extra,
});

/** Waits until the process managers have handled every event so far, then until the read models have caught up. */
export async function quiet(t: TestApp): Promise<void> {
  await t.app.get(ProcessManagerRunner).waitUntilIdle(20_000);
  await t.settle();
}

/** Drafted, approved and signed by Sở Nội vụ (`signature` adds to or overrides the signature); returns the document id. */
export async function signedDocument(t: TestApp, overrides: Record<string, unknown> = {}, signature: Record<string, unknown> = {}): Promise<string> {
  const { id } = await succeed(t, CREATE, { input: draftInput(overrides) }, SNV.officer);
  await succeed(t, SUBMIT, { id, approver: SNV.leader }, SNV.officer);
  await succeed(t, APPROVE, { id }, SNV.leader);
  await succeed(t, SIGN, { id, signature: signatureOn(MAIN_FILE.sha256, signature) }, SNV.leader);
  return id;
}

/** Signed, numbered, sealed and issued; returns the issue's result once the process managers have delivered it. */
export async function issuedDocument(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Result> {
  const id = await signedDocument(t, overrides);
  await succeed(t, NUMBER, { id }, SNV.clerk);
  await succeed(t, SEAL, { id, signature: signatureOn(MAIN_FILE.sha256) }, SNV.clerk);
  const issued = await succeed(t, ISSUE, { id }, SNV.clerk);
  await quiet(t);
  return issued;
}
