import { interconnectCopyId } from '@app/process-managers';
import { toVietnamIso, vietnamLocalDate } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, RESULT, receive, refusal, refusedWithoutEffect, register, succeed } from './incoming-fixtures';
import {
  APPROVE,
  CREATE,
  DELIVERIES,
  draftInput,
  EXTERNAL,
  ISSUE,
  issuedDocument,
  MAIN_FILE,
  NUMBER,
  OUTGOING_DOCUMENT,
  quiet,
  RECALL,
  RECORD_DELIVERY,
  RETURN,
  REVISE,
  REVISED_MAIN_FILE,
  SEAL,
  SIGN,
  signatureOn,
  signedDocument,
  SNV,
  SUBMIT,
} from './outgoing-fixtures';

const ASSIGN = `mutation($id: ID!, $input: AssignIncomingDocumentInput!) { assignIncomingDocument(documentId: $id, input: $input) ${RESULT} }`;
const COMPLETE = `mutation($id: ID!, $result: String!) { completeIncomingDocument(documentId: $id, result: $result) ${RESULT} }`;
const ACKNOWLEDGE_RECALL = `mutation($id: ID!) { acknowledgeRecall(documentId: $id) ${RESULT} }`;
const INCOMING_DOCUMENT = `query($id: ID!, $p: String) { incomingDocument(id: $id, consistentWith: $p) {
  id agencyCode status channel sender { agencyCode name } codeNumber codeNotation issuedDate documentType subject
  signer { fullName position } urgency attachments { fileName sha256 } source { outgoingDocumentId agencyCode }
  receivedBy { username } recall { reason }
} }`;
const OUTGOING_REGISTER = `query($agency: String!, $year: Int!, $filter: OutgoingRegisterFilter, $p: String) {
  outgoingRegister(agencyCode: $agency, year: $year, filter: $filter, consistentWith: $p) {
    totalCount edges { node {
      documentId number numberAndNotation issuedDate documentTypeName subject signer { fullName position competence }
      recipients { name } archiveCopy { unitId unitName drafter { username } } copies issuedAt
      receipts { recipientKey status } note status identifier
    } }
  }
}`;

interface Delivery {
  recipientKey: string;
  inSystem: boolean;
  status: string;
  history: { status: string; exchangeCode: string | null; source: string; note: string; recordedBy: { username: string } }[];
}

const DEADLINES = `query($agency: String!, $filter: DeadlinesFilter, $first: Int, $after: String) {
  deadlines(agencyCode: $agency, filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { endCursor } edges { node { documentId documentKind kind dueAt state responsible { username } codeNumber codeNotation senderName status outgoingStatus } }
} }`;

const year = Number(vietnamLocalDate(new Date()).slice(0, 4));

describe('Outgoing documents: from draft to issue, liên thông to another agency of the system, recall (Decree 30 Điều 10–18)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const outgoing = async (id: string, username: string = SNV.clerk) => {
    const res = await t.graphql<{ outgoingDocument: Record<string, unknown> }>(OUTGOING_DOCUMENT, { id }, username);
    expect(res.errors).toBeUndefined();
    return res.data?.outgoingDocument;
  };
  const deliveries = async (id: string, p?: string) => {
    const res = await t.graphql<{ deliveries: Delivery[] }>(DELIVERIES, { id, p }, SNV.clerk);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries((res.data?.deliveries ?? []).map((delivery) => [delivery.recipientKey, delivery]));
  };
  const incoming = async (id: string, username: string) => {
    const res = await t.graphql<{ incomingDocument: Record<string, unknown> | null }>(INCOMING_DOCUMENT, { id }, username);
    expect(res.errors).toBeUndefined();
    return res.data?.incomingDocument;
  };
  /** A refusal appends nothing; the process managers must be idle for the event count to prove it. */
  const refused = async (query: string, variables: Record<string, unknown>, username: string) => {
    await quiet(t);
    return refusedWithoutEffect(t, () => t.graphql(query, variables, username));
  };

  it('goes from the officer’s reply through return, approval, signature, number, seal and issue to UBND tỉnh, which handles it; the sender follows', async () => {
    // The document Sở Nội vụ answers.
    const asked = await receive(t, SNV.clerk, { subject: 'Đề nghị cử công chức tham gia tập huấn chuyển đổi số' });
    await register(t, SNV.clerk, asked.id);

    const { id } = await succeed(t, CREATE, { input: draftInput({ replyToDocumentIds: [asked.id] }) }, SNV.officer);
    await succeed(t, SUBMIT, { id, approver: SNV.leader }, SNV.officer);
    await succeed(t, RETURN, { id, reason: 'Bổ sung danh sách công chức được cử' }, SNV.leader);
    await succeed(t, REVISE, { id, input: { attachments: [REVISED_MAIN_FILE] } }, SNV.officer);
    await succeed(t, SUBMIT, { id, approver: SNV.leader }, SNV.officer);
    await succeed(t, APPROVE, { id }, SNV.leader);

    const early = await refused(SEAL, { id, signature: signatureOn(REVISED_MAIN_FILE.sha256) }, SNV.clerk);
    expect(early).toMatchObject({ code: 'SIGNATURE_ORDER', reason: 'NOT_SIGNED_BY_SIGNER' });

    await succeed(t, SIGN, { id, signature: signatureOn(REVISED_MAIN_FILE.sha256) }, SNV.leader);
    const numbered = await succeed(t, NUMBER, { id }, SNV.clerk);
    const afterNumber = await t.graphql<{ outgoingDocument: Record<string, unknown> }>(OUTGOING_DOCUMENT, { id, p: numbered.position }, SNV.clerk);
    expect(afterNumber.data?.outgoingDocument).toMatchObject({
      status: 'NUMBERED',
      registerCode: 'DI',
      year,
      number: 1,
      codeNumber: '01',
      codeNotation: 'QĐ-SNV',
      issuedDate: vietnamLocalDate(new Date()),
      identifier: `${AGENCY.snv}.${year}.1`,
      overdue: false,
    });

    expect(await refused(NUMBER, { id }, SNV.clerk)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'NUMBERED' });
    expect(await refused(ISSUE, { id }, SNV.clerk)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'NUMBERED' });

    await succeed(t, SEAL, { id, signature: signatureOn(REVISED_MAIN_FILE.sha256) }, SNV.clerk);
    await succeed(t, ISSUE, { id }, SNV.clerk);
    await quiet(t);

    expect(await outgoing(id)).toMatchObject({
      status: 'ISSUED',
      version: 2,
      replyToDocumentIds: [asked.id],
      drafter: { username: SNV.officer },
      approver: { username: SNV.leader },
      returns: [{ version: 1, reason: 'Bổ sung danh sách công chức được cử', returnedBy: { username: SNV.leader } }],
      signature: { signer: { username: SNV.leader, fullName: 'Lê Văn Đạo', position: 'Chủ tịch / Giám đốc', competence: 'DIRECT' } },
      issueDueAt: expect.any(String),
      issuedLate: false,
      overdue: false,
      recipients: [
        { agencyCode: AGENCY.ubnd, name: 'Ủy ban nhân dân tỉnh Demo', recipientKey: AGENCY.ubnd, inSystem: true },
        { agencyCode: null, name: EXTERNAL.name, recipientKey: EXTERNAL.key, inSystem: false },
      ],
    });

    // UBND tỉnh has it, as its clerk would have typed it, without anyone typing it.
    const copyId = interconnectCopyId(id, AGENCY.ubnd);
    expect(await incoming(copyId, 'vanthu.ubnd')).toEqual({
      id: copyId,
      agencyCode: AGENCY.ubnd,
      status: 'RECEIVED',
      channel: 'INTERCONNECT',
      sender: { agencyCode: AGENCY.snv, name: 'Sở Nội vụ' },
      codeNumber: '01',
      codeNotation: 'QĐ-SNV',
      issuedDate: vietnamLocalDate(new Date()),
      documentType: 'Quyết định',
      subject: 'Quyết định cử công chức tham gia tập huấn chuyển đổi số',
      signer: { fullName: 'Lê Văn Đạo', position: 'Chủ tịch / Giám đốc' },
      urgency: 'NORMAL',
      attachments: [{ fileName: REVISED_MAIN_FILE.fileName, sha256: REVISED_MAIN_FILE.sha256 }],
      source: { outgoingDocumentId: id, agencyCode: AGENCY.snv },
      receivedBy: { username: 'system' },
      recall: null,
    });
    expect((await deliveries(id))[AGENCY.ubnd]).toMatchObject({ inSystem: true, status: 'ARRIVED', history: [{ status: 'ARRIVED', exchangeCode: '01', source: 'INTERCONNECT' }] });
    expect((await deliveries(id))[EXTERNAL.key]).toMatchObject({ inSystem: false, status: 'PENDING', history: [] });

    await register(t, 'vanthu.ubnd', copyId);
    await quiet(t);
    expect((await deliveries(id))[AGENCY.ubnd].status).toBe('ACCEPTED');

    await succeed(t, ASSIGN, { id: copyId, input: { instruction: 'Giao đồng chí Viên theo dõi', assignees: [{ role: 'LEAD', username: 'chuyenvien.ubnd' }] } }, 'lanhdao.ubnd');
    await quiet(t);
    expect((await deliveries(id))[AGENCY.ubnd].status).toBe('ASSIGNED');

    await succeed(t, COMPLETE, { id: copyId, result: 'Đã cử công chức theo đề nghị' }, 'chuyenvien.ubnd');
    await quiet(t);
    const toUbnd = (await deliveries(id))[AGENCY.ubnd];
    expect(toUbnd.status).toBe('COMPLETED');
    expect(toUbnd.history.map((h) => [h.status, h.exchangeCode, h.recordedBy.username])).toEqual([
      ['ARRIVED', '01', 'system'],
      ['ACCEPTED', '03', 'system'],
      ['ASSIGNED', '04', 'system'],
      ['COMPLETED', '06', 'system'],
    ]);

    // The company outside the system stays PENDING until the clerk reports on it; a recipient in the system reports by itself.
    expect((await deliveries(id))[EXTERNAL.key].status).toBe('PENDING');
    const byHand = await refused(RECORD_DELIVERY, { id, recipient: AGENCY.ubnd, status: 'COMPLETED' }, SNV.clerk);
    expect(byHand).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECIPIENT_IN_SYSTEM' });
    const reported = await succeed(t, RECORD_DELIVERY, { id, recipient: EXTERNAL.key, status: 'ARRIVED', note: 'Đã nhận qua bưu điện' }, SNV.clerk);
    expect((await deliveries(id, reported.position))[EXTERNAL.key]).toMatchObject({
      status: 'ARRIVED',
      history: [{ status: 'ARRIVED', source: 'MANUAL', note: 'Đã nhận qua bưu điện', recordedBy: { username: SNV.clerk } }],
    });

    // The outgoing register, Phụ lục IV.
    const page = await t.graphql<{ outgoingRegister: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      OUTGOING_REGISTER,
      { agency: AGENCY.snv, year, p: reported.position },
      SNV.clerk,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.outgoingRegister.edges[0].node).toEqual({
      documentId: id,
      number: 1,
      numberAndNotation: '01/QĐ-SNV',
      issuedDate: vietnamLocalDate(new Date()),
      documentTypeName: 'Quyết định',
      subject: 'Quyết định cử công chức tham gia tập huấn chuyển đổi số',
      signer: { fullName: 'Lê Văn Đạo', position: 'Chủ tịch / Giám đốc', competence: 'DIRECT' },
      recipients: [{ name: 'Ủy ban nhân dân tỉnh Demo' }, { name: EXTERNAL.name }],
      archiveCopy: { unitId: 'snv-th', unitName: 'Phòng Công chức, viên chức', drafter: { username: SNV.officer } },
      copies: 2,
      issuedAt: expect.any(String),
      receipts: [
        { recipientKey: AGENCY.ubnd, status: 'COMPLETED' },
        { recipientKey: EXTERNAL.key, status: 'ARRIVED' },
      ],
      note: '',
      status: 'ISSUED',
      identifier: `${AGENCY.snv}.${year}.1`,
    });
    const found = await t.graphql<{ outgoingRegister: { totalCount: number } }>(OUTGOING_REGISTER, { agency: AGENCY.snv, year, filter: { text: 'tap huan chuyen doi so' } }, SNV.clerk);
    expect(found.data?.outgoingRegister.totalCount).toBe(1);
  });

  it('numbers a công văn with the drafting unit, and recalls it: UBND tỉnh acknowledges, the sender sees RECALL_ACCEPTED', async () => {
    const { id } = await issuedDocument(t, {
      documentType: 'CONG_VAN',
      unitId: 'snv-vp',
      subject: 'Về việc góp ý dự thảo quy chế văn thư',
      recipients: [{ agencyCode: AGENCY.ubnd, name: 'Ủy ban nhân dân tỉnh Demo' }],
    });
    expect(await outgoing(id)).toMatchObject({ status: 'ISSUED', number: 2, codeNumber: '02', codeNotation: 'SNV-VP', documentTypeName: 'Công văn' });
    const copyId = interconnectCopyId(id, AGENCY.ubnd);
    expect(await incoming(copyId, 'vanthu.ubnd')).toMatchObject({ status: 'RECEIVED', codeNotation: 'SNV-VP', documentType: 'Công văn' });

    await succeed(t, RECALL, { id, reason: 'Văn bản ban hành sai thể thức' }, SNV.clerk);
    await quiet(t);
    expect(await incoming(copyId, 'vanthu.ubnd')).toMatchObject({ status: 'RECALL_REQUESTED', recall: { reason: 'Văn bản ban hành sai thể thức' } });
    expect((await deliveries(id))[AGENCY.ubnd].status).toBe('RECALL_REQUESTED');

    await succeed(t, ACKNOWLEDGE_RECALL, { id: copyId }, 'vanthu.ubnd');
    await quiet(t);
    expect(await incoming(copyId, 'vanthu.ubnd')).toMatchObject({ status: 'RECALLED' });
    const toUbnd = (await deliveries(id))[AGENCY.ubnd];
    expect(toUbnd.status).toBe('RECALL_ACCEPTED');
    expect(toUbnd.history.map((h) => [h.status, h.exchangeCode])).toEqual([
      ['ARRIVED', '01'],
      ['RECALL_REQUESTED', '13'],
      ['RECALL_ACCEPTED', '15'],
    ]);
    expect(await outgoing(id)).toMatchObject({ status: 'RECALLED', recall: { reason: 'Văn bản ban hành sai thể thức', recalledBy: { username: SNV.clerk } } });
  });

  it('refuses an unsealed issue, a second number and work by the wrong people, each appending nothing', async () => {
    const { id } = await succeed(t, CREATE, { input: draftInput() }, SNV.officer);
    expect(await refused(ISSUE, { id }, SNV.clerk)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'DRAFT' });
    expect(await refused(APPROVE, { id }, SNV.leader)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'DRAFT' });
    expect(await refused(SUBMIT, { id, approver: SNV.clerk }, SNV.officer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approverRoles' });
    expect(await refused(CREATE, { input: draftInput() }, SNV.clerk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(CREATE, { input: draftInput({ unitId: 'ubnd-vp' }) }, SNV.officer)).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    expect(await refused(CREATE, { input: draftInput({ confidentiality: 'SECRET' }) }, SNV.officer)).toMatchObject({ code: 'CLASSIFIED_NOT_ALLOWED' });
    expect(await refused(CREATE, { input: draftInput({ attachments: [] }) }, SNV.officer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
    await succeed(t, SUBMIT, { id, approver: SNV.leader }, SNV.officer);
    await succeed(t, APPROVE, { id }, SNV.leader);
    const wrongFile = await refused(SIGN, { id, signature: signatureOn('ef'.repeat(32)) }, SNV.leader);
    expect(wrongFile).toMatchObject({ code: 'SIGNATURE_MISMATCH' });
    expect(await refused(SIGN, { id, signature: signatureOn(MAIN_FILE.sha256) }, 'lanhdao.ubnd')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(NUMBER, { id }, SNV.clerk)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'APPROVED' });
  });

  it('lets only the issuing agency read a document, its register and its deliveries', async () => {
    const { id } = await succeed(t, CREATE, { input: draftInput() }, SNV.officer);
    await quiet(t);
    expect(refusal(await t.graphql(OUTGOING_DOCUMENT, { id }, 'vanthu.ubnd'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await t.graphql(DELIVERIES, { id }, 'vanthu.ubnd'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await t.graphql(OUTGOING_REGISTER, { agency: AGENCY.snv, year }, 'vanthu.ubnd'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await t.graphql(OUTGOING_DOCUMENT, { id: 'no-such-document' }, SNV.clerk))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await t.graphql(DELIVERIES, { id: 'no-such-document' }, SNV.clerk))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outgoing(id, 'kiemtra.snv')).toMatchObject({ status: 'DRAFT' });
  });

  it('keeps a signed document in deadlines (ISSUE) until it is issued, overdue once the next working morning has passed (Decree 30 Điều 18.1)', async () => {
    type Page = { totalCount: number; pageInfo: { endCursor: string | null }; edges: { node: Record<string, unknown> }[] };
    const issuePage = async (filter: Record<string, unknown>, first: number, after?: string | null) => {
      await quiet(t);
      const res = await t.graphql<{ deadlines: Page }>(DEADLINES, { agency: AGENCY.snv, filter: { kind: 'ISSUE', ...filter }, first, after }, SNV.clerk);
      expect(res.errors).toBeUndefined();
      return res.data?.deadlines as Page;
    };
    const issueDeadlines = async (filter: Record<string, unknown> = {}) => (await issuePage(filter, 50)).edges.map((edge) => edge.node);
    const weekAgo = toVietnamIso(new Date(Date.now() - 7 * 24 * 3600_000));
    const late = await signedDocument(t, { subject: 'Về việc báo cáo công tác văn thư tuần trước' }, { signedAt: weekAgo });
    const fresh = await signedDocument(t, { subject: 'Về việc báo cáo công tác văn thư tuần này' });
    await quiet(t);
    const freshDue = (await outgoing(fresh))?.issueDueAt;

    expect(await issueDeadlines()).toEqual([
      expect.objectContaining({ documentId: late, documentKind: 'OUTGOING', kind: 'ISSUE', state: 'OVERDUE', responsible: null }),
      expect.objectContaining({ documentId: fresh, documentKind: 'OUTGOING', kind: 'ISSUE', dueAt: freshDue, codeNumber: null }),
    ]);
    const firstPage = await issuePage({}, 1);
    expect(firstPage).toMatchObject({ totalCount: 2, edges: [{ node: { documentId: late, status: null, outgoingStatus: 'SIGNED', senderName: null } }] });
    expect((await issuePage({}, 1, firstPage.pageInfo.endCursor)).edges).toEqual([{ node: expect.objectContaining({ documentId: fresh }) }]);
    expect((await issueDeadlines({ state: 'OVERDUE' })).map((item) => item.documentId)).toEqual([late]);
    expect((await issueDeadlines({ unitId: 'snv-th' })).map((item) => item.documentId)).toEqual([late, fresh]);
    expect(await issueDeadlines({ unitId: 'snv-vp' })).toEqual([]);
    // No one person answers for issuing: the agency's clerks do.
    expect(await issueDeadlines({ username: SNV.clerk })).toEqual([]);

    await succeed(t, NUMBER, { id: late }, SNV.clerk);
    expect((await issueDeadlines())[0]).toMatchObject({ documentId: late, outgoingStatus: 'NUMBERED', codeNumber: expect.stringMatching(/^\d{2,}$/) });
    await succeed(t, SEAL, { id: late, signature: signatureOn(MAIN_FILE.sha256) }, SNV.clerk);
    await succeed(t, ISSUE, { id: late }, SNV.clerk);
    expect((await issueDeadlines()).map((item) => item.documentId)).toEqual([fresh]);
  });
});
