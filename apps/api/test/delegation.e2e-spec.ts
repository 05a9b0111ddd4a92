import { toVietnamIso } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, receive, register, RESULT, refusedWithoutEffect, succeed } from './incoming-fixtures';
import { APPROVE, CREATE, draftInput, MAIN_FILE, OUTGOING_DOCUMENT, quiet, RETURN, REVISE, SIGN, signatureOn, SNV, SUBMIT } from './outgoing-fixtures';

const GRANT = `mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) ${RESULT} }`;
const REVOKE = `mutation($id: ID!, $reason: String!, $p: String) { revokeDelegation(delegationId: $id, reason: $reason, consistentWith: $p) ${RESULT} }`;
const DELEGATIONS = `query($agency: String!, $activeOnly: Boolean, $p: String) { delegations(agencyCode: $agency, activeOnly: $activeOnly, consistentWith: $p) {
  id agencyCode delegator { username fullName } delegate { username } actions validFrom validTo basis revokedAt revokeReason active
} }`;
const ASSIGN = `mutation($id: ID!, $input: AssignIncomingDocumentInput!) { assignIncomingDocument(documentId: $id, input: $input) ${RESULT} }`;
const HISTORY = `query($id: ID!) { documentHistory(documentId: $id) { type actor { username } onBehalfOf { username fullName } summary metadata } }`;
const SIGNATURE = `query($id: ID!) { outgoingDocument(id: $id) { status signature { signer { username competence } onBehalfOf { username fullName } } } }`;

/** The unit head of Sở Nội vụ's general affairs unit: the director's delegate here. */
const DEPUTY = 'truongphong.snv';
const HOUR = 3600_000;

function delegationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    delegateUsername: DEPUTY,
    actions: ['APPROVE_RELEASE', 'SIGN'],
    validFrom: toVietnamIso(new Date(Date.now() - HOUR)),
    validTo: toVietnamIso(new Date(Date.now() + 7 * 24 * HOUR)),
    basis: 'Giấy ủy quyền số 12/GUQ-SNV: duyệt và ký các văn bản thuộc lĩnh vực tổ chức cán bộ trong thời gian Giám đốc đi công tác',
    ...overrides,
  };
}

describe('Delegation (ủy quyền): a delegate approves and signs for the director, in writing and for a period (Decree 30 Điều 13; Khánh Hòa S0 Điều 15.4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const refused = async (query: string, variables: Record<string, unknown>, username: string) => {
    await quiet(t);
    return refusedWithoutEffect(t, () => t.graphql(query, variables, username));
  };
  /** A draft of Sở Nội vụ submitted to its director. */
  const submittedToDirector = async () => {
    const { id } = await succeed(t, CREATE, { input: draftInput() }, SNV.officer);
    await succeed(t, SUBMIT, { id, approver: SNV.leader }, SNV.officer);
    return id;
  };
  const delegations = async (p?: string, activeOnly = false) => {
    const res = await t.graphql<{ delegations: Record<string, unknown>[] }>(DELEGATIONS, { agency: AGENCY.snv, activeOnly, p }, SNV.leader);
    expect(res.errors).toBeUndefined();
    return res.data?.delegations ?? [];
  };

  it('lets the delegate return, approve and sign in the director’s place, recorded as on behalf of the director, until the delegation is revoked', async () => {
    const first = await submittedToDirector();
    // Without a delegation, only the approver decides on the draft.
    expect(await refused(APPROVE, { id: first }, DEPUTY)).toMatchObject({ code: 'FORBIDDEN' });

    const granted = await succeed(t, GRANT, { input: delegationInput() }, SNV.leader);
    const [listed] = await delegations(granted.position);
    expect(listed).toMatchObject({
      id: granted.id,
      agencyCode: AGENCY.snv,
      delegator: { username: SNV.leader },
      delegate: { username: DEPUTY },
      actions: ['APPROVE_RELEASE', 'SIGN'],
      revokedAt: null,
      active: true,
    });

    await succeed(t, RETURN, { id: first, reason: 'Bổ sung danh sách công chức' }, DEPUTY);
    await succeed(t, REVISE, { id: first, input: { subject: 'Quyết định cử công chức tham gia tập huấn chuyển đổi số (bổ sung danh sách)' } }, SNV.officer);
    await succeed(t, SUBMIT, { id: first, approver: SNV.leader }, SNV.officer);
    await succeed(t, APPROVE, { id: first }, DEPUTY);
    // A delegate signs KT., TL., TUQ. …, never in their own right.
    expect(await refused(SIGN, { id: first, signature: signatureOn(MAIN_FILE.sha256, { competence: 'DIRECT' }) }, DEPUTY)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DELEGATE_CANNOT_SIGN_DIRECT',
    });
    const signed = await succeed(t, SIGN, { id: first, signature: signatureOn(MAIN_FILE.sha256, { competence: 'TUQ' }) }, DEPUTY);

    await t.graphql(OUTGOING_DOCUMENT, { id: first, p: signed.position }, SNV.clerk);
    const document = await t.graphql<{ outgoingDocument: Record<string, unknown> }>(SIGNATURE, { id: first }, SNV.clerk);
    expect(document.data?.outgoingDocument).toMatchObject({
      status: 'SIGNED',
      signature: { signer: { username: DEPUTY, competence: 'TUQ' }, onBehalfOf: { username: SNV.leader } },
    });
    const history = (await t.graphql<{ documentHistory: Record<string, unknown>[] }>(HISTORY, { id: first }, SNV.leader)).data?.documentHistory ?? [];
    const byDelegate = history.filter((event) => ['OutgoingDraftReturned', 'OutgoingDraftApproved', 'OutgoingDocumentSigned'].includes(event.type as string));
    expect(byDelegate).toHaveLength(3);
    for (const event of byDelegate) {
      expect(event).toMatchObject({ actor: { username: DEPUTY }, onBehalfOf: { username: SNV.leader } });
      expect(event.summary).toContain('(thay ');
    }

    // Revoked: the next draft is the director's alone again.
    const revokedAt = await succeed(t, REVOKE, { id: granted.id, reason: 'Giám đốc đã trở lại cơ quan' }, SNV.leader);
    const [afterRevoke] = await delegations(revokedAt.position);
    expect(afterRevoke).toMatchObject({ id: granted.id, revokeReason: 'Giám đốc đã trở lại cơ quan', active: false });
    expect(await delegations(revokedAt.position, true)).toEqual([]);
    const second = await submittedToDirector();
    expect(await refused(APPROVE, { id: second }, DEPUTY)).toMatchObject({ code: 'FORBIDDEN' });
    await succeed(t, APPROVE, { id: second }, SNV.leader);
  });

  it('is limited to its actions and its period, and cannot be passed on', async () => {
    const signOnly = await succeed(t, GRANT, { input: delegationInput({ actions: ['SIGN'] }) }, SNV.leader);
    const id = await submittedToDirector();
    expect(await refused(APPROVE, { id }, DEPUTY)).toMatchObject({ code: 'FORBIDDEN' });

    // Not yet in force.
    const later = await succeed(
      t,
      GRANT,
      { input: delegationInput({ actions: ['APPROVE_RELEASE'], validFrom: toVietnamIso(new Date(Date.now() + 24 * HOUR)) }) },
      SNV.leader,
    );
    expect(await refused(APPROVE, { id }, DEPUTY)).toMatchObject({ code: 'FORBIDDEN' });

    // The delegate delegating to an officer passes on only the delegate's own authority, not the director's.
    await succeed(t, GRANT, { input: delegationInput({ delegateUsername: SNV.officer }) }, DEPUTY);
    expect(await refused(APPROVE, { id }, SNV.officer)).toMatchObject({ code: 'FORBIDDEN' });

    // Revoked right after granting: the grant's position lets the revocation find it.
    for (const delegation of [signOnly, later]) {
      await succeed(t, REVOKE, { id: delegation.id, reason: 'Hết nhu cầu', p: delegation.position }, SNV.leader);
    }
  });

  it('lets a staff member the director delegated ASSIGN to give the bút phê on an incoming document, on the director’s behalf', async () => {
    const { id } = await receive(t, SNV.clerk);
    await register(t, SNV.clerk, id);
    const directive = { instruction: 'Giao Phòng Tổng hợp chủ trì, tham mưu', assignees: [{ role: 'LEAD', unitId: 'snv-th' }] };
    expect(await refused(ASSIGN, { id, input: directive }, SNV.officer)).toMatchObject({ code: 'FORBIDDEN' });

    const granted = await succeed(t, GRANT, { input: delegationInput({ delegateUsername: SNV.officer, actions: ['ASSIGN'] }) }, SNV.leader);
    await delegations(granted.position);
    await succeed(t, ASSIGN, { id, input: directive }, SNV.officer);
    const history = (await t.graphql<{ documentHistory: Record<string, unknown>[] }>(HISTORY, { id }, SNV.leader)).data?.documentHistory ?? [];
    expect(history.find((event) => event.type === 'IncomingDocumentAssigned')).toMatchObject({
      actor: { username: SNV.officer },
      onBehalfOf: { username: SNV.leader },
    });
    await succeed(t, REVOKE, { id: granted.id, reason: 'Hết nhu cầu' }, SNV.leader);
  });

  it('refuses bad grants and revocations with a clear error, recording nothing', async () => {
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [delegationInput({ validTo: toVietnamIso(new Date(Date.now() - 2 * HOUR)) }), SNV.leader, { code: 'BAD_USER_INPUT', field: 'validTo', reason: 'BEFORE_START' }],
      [delegationInput({ actions: [] }), SNV.leader, { code: 'BAD_USER_INPUT' }],
      [delegationInput({ basis: '' }), SNV.leader, { code: 'BAD_USER_INPUT' }],
      [delegationInput({ validTo: '15/12/2026' }), SNV.leader, { code: 'BAD_USER_INPUT' }],
      [delegationInput({ delegateUsername: 'lanhdao.stc' }), SNV.leader, { code: 'NOT_FOUND', field: 'delegateUsername' }],
      [delegationInput({ delegateUsername: SNV.leader }), SNV.leader, { code: 'BAD_USER_INPUT', reason: 'SELF_DELEGATION' }],
      [delegationInput(), SNV.officer, { code: 'FORBIDDEN' }],
    ];
    for (const [input, username, expected] of cases) expect(await refused(GRANT, { input }, username)).toMatchObject(expected);

    const granted = await succeed(t, GRANT, { input: delegationInput() }, SNV.leader);
    await quiet(t);
    expect(await refused(REVOKE, { id: granted.id, reason: 'Thử' }, DEPUTY)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(REVOKE, { id: granted.id, reason: 'Thử' }, 'lanhdao.stc')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused(REVOKE, { id: '6a1c9e1e-4b0b-4a43-9a55-3f1f1b1c2d3e', reason: 'Thử' }, SNV.leader)).toMatchObject({ code: 'NOT_FOUND' });
    const otherAgency = await t.graphql(DELEGATIONS, { agency: AGENCY.snv }, 'lanhdao.stc');
    expect(otherAgency.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    await succeed(t, REVOKE, { id: granted.id, reason: 'Hết nhu cầu' }, 'admin.snv');
  });
});
