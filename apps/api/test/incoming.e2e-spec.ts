import { CommandHandler } from '@app/command-handling';
import { Actor, identityKeyOf, incomingDocumentDecider, incomingIdentityDecider, incomingIdentityStream, incomingStream, registerDecider, registerStream } from '@app/domain';
import { toVietnamIso, vietnamLocalDate } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, documentInput, RECEIVE, receive, refusedWithoutEffect, REGISTER, register, succeed } from './incoming-fixtures';

const REGISTER_PAGE = `query($agency: String!, $year: Int!, $filter: IncomingRegisterFilter, $first: Int, $after: String, $p: String) {
  incomingRegister(agencyCode: $agency, year: $year, filter: $filter, first: $first, after: $after, consistentWith: $p) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id arrivalNumber arrivalDate status subject codeNumber } }
  }
}`;
const DOCUMENT = `query($id: ID!, $p: String) { incomingDocument(id: $id, consistentWith: $p) {
  id status arrivalNumber arrivalDate registerCode paperCopyOf receivedAt effectiveReceivedAt registrationDueAt urgencyDueAt overdue
} }`;

interface RegisterPage {
  incomingRegister: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; arrivalNumber: number; arrivalDate: string; status: string; subject: string; codeNumber: string } }[];
  };
}

const year = Number(vietnamLocalDate(new Date()).slice(0, 4));

describe('Incoming documents: receipt and registration (Decree 30 Điều 22)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('numbers registered documents 1, 2, 3 in the order of registration, page by page', async () => {
    const clerk = 'vanthu.snv';
    const first = await receive(t, clerk);
    const second = await receive(t, clerk);
    const third = await receive(t, clerk);
    // Registration order, not receipt order, gives the arrival number.
    await register(t, clerk, second.id);
    await register(t, clerk, first.id);
    const last = await register(t, clerk, third.id);
    expect(last).toMatchObject({ id: third.id, revision: 1 });

    const page1 = await t.graphql<RegisterPage>(REGISTER_PAGE, { agency: AGENCY.snv, year, first: 2, p: last.position }, clerk);
    expect(page1.errors).toBeUndefined();
    const register1 = page1.data?.incomingRegister;
    expect(register1?.totalCount).toBe(3);
    expect(register1?.edges.map((e) => [e.node.id, e.node.arrivalNumber])).toEqual([[second.id, 1], [first.id, 2]]);
    expect(register1?.edges[0].node).toMatchObject({ status: 'REGISTERED', arrivalDate: vietnamLocalDate(new Date()) });
    expect(register1?.pageInfo.hasNextPage).toBe(true);

    const page2 = await t.graphql<RegisterPage>(REGISTER_PAGE, { agency: AGENCY.snv, year, first: 2, after: register1?.pageInfo.endCursor }, clerk);
    expect(page2.data?.incomingRegister.edges.map((e) => [e.node.id, e.node.arrivalNumber])).toEqual([[third.id, 3]]);
    expect(page2.data?.incomingRegister.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('finds register entries by subject or number/notation, with or without diacritics', async () => {
    const clerk = 'vanthu.xahoabinh';
    await register(t, clerk, (await receive(t, clerk, { subject: 'Kế hoạch phòng chống thiên tai năm 2027' })).id);
    const target = await receive(t, clerk, {
      subject: 'Quyết định phê duyệt đề án đường giao thông nông thôn', codeNumber: '1270', codeNotation: 'QĐ-UBND',
    });
    const last = await register(t, clerk, target.id);
    const search = async (text: string) => {
      const res = await t.graphql<RegisterPage>(REGISTER_PAGE, { agency: AGENCY.xa, year, filter: { text }, p: last.position }, clerk);
      expect(res.errors).toBeUndefined();
      return res.data?.incomingRegister.edges.map((e) => e.node.id);
    };
    expect(await search('duong giao thong')).toEqual([target.id]);
    expect(await search('ĐƯỜNG GIAO THÔNG')).toEqual([target.id]);
    expect(await search('1270/qd-ubnd')).toEqual([target.id]);
    expect(await search('thien tai')).toHaveLength(1);
    expect(await search('100%')).toEqual([]);
  });

  it('refuses a request without a token, and appends nothing', async () => {
    const extensions = await refusedWithoutEffect(t, () => t.graphqlWithHeader(RECEIVE, { input: documentInput() }));
    expect(extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets nobody of another agency see or act on a document, and an unknown id is NOT_FOUND', async () => {
    const doc = await receive(t, 'vanthu.snv');
    await t.settle();
    const seen = await refusedWithoutEffect(t, () => t.graphql(DOCUMENT, { id: doc.id }, 'chuyenvien.stc'));
    expect(seen.code).toBe('FORBIDDEN');
    const listed = await refusedWithoutEffect(t, () => t.graphql(REGISTER_PAGE, { agency: AGENCY.snv, year }, 'vanthu.stc'));
    expect(listed.code).toBe('FORBIDDEN');
    const registered = await refusedWithoutEffect(t, () => t.graphql(REGISTER, { id: doc.id }, 'vanthu.stc'));
    expect(registered).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_AGENCY' });
    const rejected = await refusedWithoutEffect(t, () =>
      t.graphql('mutation($id: ID!) { rejectIncomingDocument(documentId: $id, reason: WRONG_RECIPIENT) { id } }', { id: doc.id }, 'vanthu.stc'),
    );
    expect(rejected.code).toBe('FORBIDDEN');
    const started = await refusedWithoutEffect(t, () =>
      t.graphql('mutation($id: ID!) { startProcessing(documentId: $id) { id } }', { id: doc.id }, 'chuyenvien.stc'),
    );
    expect(started).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_AGENCY' });

    const unknown = '0b7e3f0e-0000-4000-8000-000000000000';
    expect((await refusedWithoutEffect(t, () => t.graphql(REGISTER, { id: unknown }, 'vanthu.snv'))).code).toBe('NOT_FOUND');
    const none = await t.graphql<{ incomingDocument: unknown }>(DOCUMENT, { id: unknown }, 'vanthu.snv');
    expect(none.errors).toBeUndefined();
    expect(none.data?.incomingDocument).toBeNull();
  });

  it('refuses a classified document (Mật) with CLASSIFIED_NOT_ALLOWED', async () => {
    const extensions = await refusedWithoutEffect(t, () => t.graphql(RECEIVE, { input: documentInput({ confidentiality: 'SECRET' }) }, 'vanthu.snv'));
    expect(extensions).toMatchObject({ code: 'CLASSIFIED_NOT_ALLOWED', confidentiality: 'SECRET' });
  });

  it.each([
    ['subject', { subject: 'x'.repeat(501) }],
    ['receivedAt', { receivedAt: '2026-11-20T17:45:00' }],
    ['issuedDate', { issuedDate: '2026-02-30' }],
    ['sender.agencyCode', { sender: { agencyCode: 'H41', name: 'UBND tỉnh' } }],
    ['attachments.0.sizeBytes', { attachments: [{ fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: -1, sha256: 'ab'.repeat(32) }] }],
  ])('names the invalid field %s (BAD_USER_INPUT) and appends nothing', async (field, overrides) => {
    const extensions = await refusedWithoutEffect(t, () => t.graphql(RECEIVE, { input: documentInput(overrides) }, 'vanthu.snv'));
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an attachment outside the allowed formats (Ninh Bình Điều 8.4) with ATTACHMENT_REJECTED', async () => {
    const attachments = [{ fileName: 'cai_dat.exe', mediaType: 'application/octet-stream', sizeBytes: 2048, sha256: 'cd'.repeat(32) }];
    const extensions = await refusedWithoutEffect(t, () => t.graphql(RECEIVE, { input: documentInput({ attachments }) }, 'vanthu.snv'));
    expect(extensions).toMatchObject({ code: 'ATTACHMENT_REJECTED', fileName: 'cai_dat.exe', rule: 'FILE_TYPE_NOT_ALLOWED' });
  });

  it('refuses to register a document twice; the same command retried answers as before', async () => {
    const clerk = 'vanthu.snv';
    const doc = await receive(t, clerk);
    const commandId = 'e7f1c9a2-3b4d-4e5f-8a6b-7c8d9e0f1a2b';
    const registered = await succeed(t, REGISTER, { id: doc.id, commandId }, clerk);
    const retried = await refusedWithoutEffect(t, async () => {
      const again = await t.graphql<{ registerIncomingDocument: unknown }>(REGISTER, { id: doc.id, commandId }, clerk);
      expect(again.data?.registerIncomingDocument).toEqual(registered);
      return t.graphql(REGISTER, { id: doc.id }, clerk);
    });
    expect(retried).toMatchObject({ code: 'INVALID_TRANSITION', status: 'REGISTERED' });
  });

  it('moves a receipt after hours to the next working period and computes the registration deadline per channel', async () => {
    const clerk = 'vanthu.stc';
    const friday = '2026-11-20T17:45:00+07:00';
    const paper = await receive(t, clerk, { receivedAt: friday, channel: 'PAPER' });
    const interconnect = await receive(t, clerk, { receivedAt: friday, channel: 'INTERCONNECT', urgency: 'URGENT' });
    const flash = await receive(t, clerk, { receivedAt: '2026-11-20T11:45:00+07:00', channel: 'INTERCONNECT', urgency: 'FLASH' });
    const read = async (id: string, p: string) =>
      (await t.graphql<{ incomingDocument: Record<string, unknown> }>(DOCUMENT, { id, p }, clerk)).data?.incomingDocument;

    // Khánh Hòa Điều 10.2: received Friday 17:45, it counts from Monday 08:00. Decree 30 Điều 4.2.c: registered
    // by the end of the next working day (Tuesday); liên thông within 8 working hours (Phú Yên Điều 5.2).
    expect(await read(paper.id, paper.position)).toMatchObject({
      receivedAt: friday,
      effectiveReceivedAt: '2026-11-23T08:00:00+07:00',
      registrationDueAt: '2026-11-24T17:00:00+07:00',
      urgencyDueAt: null,
    });
    expect(await read(interconnect.id, interconnect.position)).toMatchObject({
      effectiveReceivedAt: '2026-11-23T08:00:00+07:00',
      registrationDueAt: '2026-11-23T17:00:00+07:00',
      urgencyDueAt: '2026-11-23T10:00:00+07:00',
    });
    // Within working hours it counts at once; the lunch break and the weekend are not working time.
    expect(await read(flash.id, flash.position)).toMatchObject({
      effectiveReceivedAt: '2026-11-20T11:45:00+07:00',
      registrationDueAt: '2026-11-23T11:45:00+07:00',
      urgencyDueAt: '2026-11-20T13:15:00+07:00',
    });
  });

  it('refuses a duplicate naming the registered original, then links it as its paper copy', async () => {
    const clerk = 'vanthu.ubnd';
    const identity = { sender: { agencyCode: AGENCY.snv, name: 'Sở Nội vụ' }, codeNumber: '05', codeNotation: 'TTr-SNV', issuedDate: '2026-11-02' };
    const original = await receive(t, clerk, { ...identity, channel: 'INTERCONNECT' });
    await register(t, clerk, original.id);
    // The paper copy typed by hand: "5" for "05", another case and spacing.
    const copy = await receive(t, clerk, { ...identity, channel: 'PAPER', codeNumber: '5', codeNotation: 'ttr - snv' });
    const duplicate = await refusedWithoutEffect(t, () => t.graphql(REGISTER, { id: copy.id }, clerk));
    expect(duplicate).toMatchObject({ code: 'DUPLICATE_DOCUMENT', existingDocumentId: original.id });

    const linked = await succeed(t, 'mutation($id: ID!, $o: ID!) { linkPaperCopy(documentId: $id, originalDocumentId: $o) { id revision position } }', { id: copy.id, o: original.id }, clerk);
    const read = await t.graphql<{ incomingDocument: Record<string, unknown> }>(DOCUMENT, { id: copy.id, p: linked.position }, clerk);
    expect(read.data?.incomingDocument).toMatchObject({ status: 'REGISTERED', paperCopyOf: original.id, arrivalNumber: 1, registerCode: 'DEN' });
    // The copy took no number of its own.
    const next = await register(t, clerk, (await receive(t, clerk)).id);
    const page = await t.graphql<RegisterPage>(REGISTER_PAGE, { agency: AGENCY.ubnd, year, p: next.position }, clerk);
    expect(page.data?.incomingRegister.edges.map((e) => e.node.arrivalNumber)).toEqual([1, 1, 2]);
  });

  it('refuses to link a paper copy to a document that is not registered', async () => {
    const clerk = 'vanthu.ubnd';
    const unregistered = await receive(t, clerk);
    const copy = await receive(t, clerk);
    const extensions = await refusedWithoutEffect(t, () =>
      t.graphql('mutation($id: ID!, $o: ID!) { linkPaperCopy(documentId: $id, originalDocumentId: $o) { id } }', { id: copy.id, o: unregistered.id }, clerk),
    );
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'originalDocumentId' });
  });

  it('finishes a registration interrupted after it took its number with that same number, when retried', async () => {
    const clerk: Actor = { username: 'vanthu.xahoabinh', fullName: 'Trần Thị Thư', agencyCode: AGENCY.xa, unitId: 'xahoabinh-vp', roles: ['CLERK'] };
    const handler = t.app.get(CommandHandler);
    const interrupted = await receive(t, clerk.username);
    // The steps an earlier attempt completed before its process died: the claim and the number.
    const { state } = await handler.state(incomingStream(interrupted.id), incomingDocumentDecider);
    if (state.status === 'NONE') throw new Error('the document was just received');
    const context = { actor: clerk, now: toVietnamIso(new Date()) };
    const key = identityKeyOf(state);
    await handler.handle({
      streamId: incomingIdentityStream(key),
      decider: incomingIdentityDecider,
      command: { type: 'ClaimIncomingIdentity', data: { key, agencyCode: AGENCY.xa, documentId: interrupted.id }, context },
      envelope: { commandId: 'died-after-allocation:claim' },
    });
    const allocated = await handler.handle({
      streamId: registerStream(AGENCY.xa, 'DEN', year),
      decider: registerDecider,
      command: { type: 'AllocateRegisterNumber', data: { agencyCode: AGENCY.xa, registerCode: 'DEN', year, kind: 'INCOMING', documentId: interrupted.id }, context },
      envelope: { commandId: 'died-after-allocation:allocate' },
      foldsFromLastEventOnly: true,
    });
    const number = (allocated.events[0].data as { number: number }).number;
    // Another document is registered meanwhile, so the interrupted one no longer holds the register's last number.
    const other = await receive(t, clerk.username);
    await register(t, clerk.username, other.id);

    const retried = await register(t, clerk.username, interrupted.id);
    const read = async (id: string) =>
      (await t.graphql<{ incomingDocument: { arrivalNumber: number } }>(DOCUMENT, { id, p: retried.position }, clerk.username)).data?.incomingDocument;
    expect(await read(interrupted.id)).toMatchObject({ arrivalNumber: number });
    expect(await read(other.id)).toMatchObject({ arrivalNumber: number + 1 });
  });
});
