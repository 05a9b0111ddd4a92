import {
  Actor,
  deliveryDecider,
  deliveryStream,
  IncomingDocumentCommand,
  incomingDocumentDecider,
  incomingStream,
  identityKeyOf,
  outgoingStream,
} from '@app/domain';
import { toVietnamIso, vietnamLocalDate } from '@app/working-time';
import {
  deliveredCopies,
  eventCount,
  IN_SYSTEM,
  InterconnectTestContext,
  issuedDocument,
  openInterconnectTestContext,
  OUTSIDE,
  recalledDocument,
  SENDER,
  storedCheckpoint,
  testDeadlines,
} from '../testing/interconnect-test-kit';
import type { ProcessManagerRunner } from '../process-manager-runner';
import { SYSTEM_USERNAME } from '../system-actor';
import { interconnectCopyId, interconnectManagers } from './index';

const [UBND, STC] = IN_SYSTEM;
const clerkOf = (agencyCode: string): Actor => ({ username: `vanthu.${agencyCode}`, fullName: 'Trần Thị Thư', agencyCode, unitId: null, roles: ['CLERK'] });
const leaderOf = (agencyCode: string): Actor => ({ username: `lanhdao.${agencyCode}`, fullName: 'Lê Văn Đạo', agencyCode, unitId: null, roles: ['LEADER'] });
const officerOf = (agencyCode: string): Actor => ({ username: `chuyenvien.${agencyCode}`, fullName: 'Hoàng Văn Viên', agencyCode, unitId: 'th', roles: ['OFFICER'] });

describe('liên thông process managers', () => {
  let ctx: InterconnectTestContext;
  let runner: ProcessManagerRunner;
  let serial = 0;

  beforeAll(async () => {
    ctx = await openInterconnectTestContext('process_managers');
    runner = ctx.runner(interconnectManagers(testDeadlines));
    await runner.start();
  });
  afterAll(async () => ctx?.close());

  async function issue(): Promise<{ documentId: string; eventId: string }> {
    const documentId = `out-${++serial}`;
    const [event] = await ctx.appendOutgoing(documentId, [issuedDocument(documentId)]);
    await runner.waitUntilIdle(20_000);
    return { documentId, eventId: event.eventId };
  }

  /** A command of the recipient's own staff on its copy. */
  async function onCopy(documentId: string, recipient: string, build: (copyId: string, now: string) => IncomingDocumentCommand): Promise<void> {
    const copyId = interconnectCopyId(documentId, recipient);
    await ctx.handler.handle({
      streamId: incomingStream(copyId),
      decider: incomingDocumentDecider,
      command: build(copyId, toVietnamIso(new Date())),
      envelope: { commandId: `${copyId}:${++serial}` },
    });
    await runner.waitUntilIdle(20_000);
  }

  const copyState = async (documentId: string, recipient: string) =>
    (await ctx.handler.state(incomingStream(interconnectCopyId(documentId, recipient)), incomingDocumentDecider)).state;

  async function deliveryTo(documentId: string, recipientKey: string) {
    const { state } = await ctx.handler.state(deliveryStream(documentId), deliveryDecider);
    if (state.status !== 'TRACKING') throw new Error(`no delivery of ${documentId}`);
    const recipient = state.recipients.find((candidate) => candidate.recipientKey === recipientKey);
    return { status: recipient?.status, history: recipient?.history.map((entry) => entry.status) };
  }

  it('delivers an issued document once to each recipient in the system, as the system clerk, and tracks every recipient', async () => {
    const { documentId, eventId } = await issue();

    for (const recipient of IN_SYSTEM) {
      const copy = await copyState(documentId, recipient);
      expect(copy).toMatchObject({
        status: 'RECEIVED',
        document: {
          agencyCode: recipient,
          channel: 'INTERCONNECT',
          sender: { agencyCode: SENDER, name: 'Sở Nội vụ' },
          codeNumber: '05',
          codeNotation: 'QĐ-UBND',
          documentType: 'Quyết định',
          source: { outgoingDocumentId: documentId, agencyCode: SENDER },
          attachments: issuedDocument(documentId).data.attachments,
        },
      });
      const [received] = await readAll(incomingStream(interconnectCopyId(documentId, recipient)));
      expect(received.metadata).toMatchObject({
        actor: { username: SYSTEM_USERNAME, role: 'CLERK', agencyCode: recipient },
        causationId: eventId,
        correlationId: documentId,
      });
    }
    expect(await deliveryTo(documentId, UBND)).toEqual({ status: 'ARRIVED', history: ['ARRIVED'] });
    expect(await deliveryTo(documentId, STC)).toEqual({ status: 'ARRIVED', history: ['ARRIVED'] });
    expect(await deliveryTo(documentId, OUTSIDE)).toEqual({ status: 'PENDING', history: [] });
    expect((await deliveredCopies(ctx.pool)).filter((row) => row.outgoing === documentId)).toEqual([
      { outgoing: documentId, recipient: UBND, copies: 1 },
      { outgoing: documentId, recipient: STC, copies: 1 },
    ]);
  });

  it("reports the recipient's registration, directive, processing and completion back to the sender", async () => {
    const { documentId } = await issue();
    const copy = await copyState(documentId, UBND);
    if (copy.status !== 'RECEIVED') throw new Error('the copy should be RECEIVED');
    await onCopy(documentId, UBND, (copyId, now) => ({
      type: 'RegisterIncomingDocument',
      data: { documentId: copyId, registerCode: 'DEN', year: Number(now.slice(0, 4)), arrivalNumber: 1, arrivalDate: vietnamLocalDate(now), identityKey: identityKeyOf(copy) },
      context: { actor: clerkOf(UBND), now },
    }));
    const officer = officerOf(UBND);
    await onCopy(documentId, UBND, (copyId, now) => ({
      type: 'AssignIncomingDocument',
      data: {
        documentId: copyId,
        assignees: [{ role: 'LEAD', username: officer.username, unitId: null, unitIdOfUser: officer.unitId, fullName: officer.fullName }],
        instruction: 'Đồng chí Viên tham mưu trả lời',
        deadline: toVietnamIso(new Date(Date.parse(now) + 7 * 86_400_000)),
      },
      context: { actor: leaderOf(UBND), now },
    }));
    await onCopy(documentId, UBND, (copyId, now) => ({ type: 'StartProcessing', data: { documentId: copyId }, context: { actor: officer, now } }));
    await onCopy(documentId, UBND, (copyId, now) => ({
      type: 'CompleteIncomingDocument',
      data: { documentId: copyId, result: 'Đã tham mưu văn bản trả lời', replyDocumentId: null },
      context: { actor: officer, now },
    }));

    expect(await deliveryTo(documentId, UBND)).toEqual({
      status: 'COMPLETED',
      history: ['ARRIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED'],
    });
    expect(await deliveryTo(documentId, STC)).toEqual({ status: 'ARRIVED', history: ['ARRIVED'] });
  });

  it('reports a rejection with its reason', async () => {
    const { documentId } = await issue();
    await onCopy(documentId, STC, (copyId, now) => ({
      type: 'RejectIncomingDocument',
      data: { documentId: copyId, reason: 'WRONG_RECIPIENT', note: 'Không thuộc thẩm quyền của Sở Tài chính' },
      context: { actor: clerkOf(STC), now },
    }));
    const { state } = await ctx.handler.state(deliveryStream(documentId), deliveryDecider);
    const toStc = state.status === 'TRACKING' ? state.recipients.find((r) => r.recipientKey === STC) : undefined;
    expect(toStc?.status).toBe('REJECTED');
    expect(toStc?.history.at(-1)).toMatchObject({ note: 'WRONG_RECIPIENT: Không thuộc thẩm quyền của Sở Tài chính', source: 'INTERCONNECT' });
  });

  it('asks every copy back on recall; an acknowledged recall flows back as RECALL_ACCEPTED, a refused one as RECALL_REFUSED', async () => {
    const { documentId } = await issue();
    await ctx.appendOutgoing(documentId, [recalledDocument(documentId)]);
    await runner.waitUntilIdle(20_000);

    for (const recipient of IN_SYSTEM) expect((await copyState(documentId, recipient)).status).toBe('RECALL_REQUESTED');
    expect(await deliveryTo(documentId, UBND)).toEqual({ status: 'RECALL_REQUESTED', history: ['ARRIVED', 'RECALL_REQUESTED'] });
    expect(await deliveryTo(documentId, OUTSIDE)).toEqual({ status: 'PENDING', history: [] });

    await onCopy(documentId, UBND, (copyId, now) => ({ type: 'AcknowledgeRecall', data: { documentId: copyId }, context: { actor: clerkOf(UBND), now } }));
    await onCopy(documentId, STC, (copyId, now) => ({
      type: 'RefuseRecall',
      data: { documentId: copyId, reason: 'Văn bản đã được triển khai thực hiện' },
      context: { actor: clerkOf(STC), now },
    }));

    expect((await copyState(documentId, UBND)).status).toBe('RECALLED');
    expect(await deliveryTo(documentId, UBND)).toEqual({ status: 'RECALL_ACCEPTED', history: ['ARRIVED', 'RECALL_REQUESTED', 'RECALL_ACCEPTED'] });
    expect(await deliveryTo(documentId, STC)).toEqual({ status: 'RECALL_REFUSED', history: ['ARRIVED', 'RECALL_REQUESTED', 'RECALL_REFUSED'] });
  });

  it('records a refused command and goes on: a rejected copy cannot be recalled', async () => {
    const { documentId } = await issue();
    await onCopy(documentId, STC, (copyId, now) => ({
      type: 'RejectIncomingDocument',
      data: { documentId: copyId, reason: 'DUPLICATE', note: '' },
      context: { actor: clerkOf(STC), now },
    }));
    const [recall] = await ctx.appendOutgoing(documentId, [recalledDocument(documentId)]);
    await runner.waitUntilIdle(20_000);

    const { rows } = await ctx.pool.query('SELECT command_id, command_type, code, stream_id FROM process_manager.refusals WHERE event_id = $1 ORDER BY command_id', [
      recall.eventId,
    ]);
    expect(rows).toEqual([
      {
        command_id: `interconnect_delivery:${recall.eventId}:recall-requested:${STC}`,
        command_type: 'RecordDeliveryStatus',
        code: 'INVALID_TRANSITION',
        stream_id: deliveryStream(documentId),
      },
      {
        command_id: `interconnect_delivery:${recall.eventId}:recall:${STC}`,
        command_type: 'ReceiveRecallRequest',
        code: 'INVALID_TRANSITION',
        stream_id: incomingStream(interconnectCopyId(documentId, STC)),
      },
    ]);
    expect((await copyState(documentId, UBND)).status).toBe('RECALL_REQUESTED');
    expect(await storedCheckpoint(ctx.pool, 'interconnect_delivery')).toBe(recall.position);
  });

  it('appends nothing when it handles the same events again after losing its checkpoints (a crash before the checkpoint write)', async () => {
    await issue();
    await runner.stop();
    const before = await eventCount(ctx.pool);
    await ctx.pool.query('DELETE FROM process_manager.checkpoints');

    await runner.start();
    await runner.waitUntilIdle(30_000);

    expect(await eventCount(ctx.pool)).toBe(before);
    expect((await deliveredCopies(ctx.pool)).every((row) => row.copies === 1)).toBe(true);
  });

  it('lets one instance run each manager; another stands by and takes over when it stops', async () => {
    const other = ctx.runner(interconnectManagers(testDeadlines), { pool: ctx.pool });
    await other.start();
    await waitForStates(other, ['standby', 'standby']);
    expect(runner.status().map((s) => s.state)).toEqual(['running', 'running']);

    await runner.stop();
    await waitForStates(other, ['running', 'running']);
    const { documentId } = await issueWith(other);
    expect((await deliveredCopies(ctx.pool)).filter((row) => row.outgoing === documentId)).toHaveLength(2);
    await other.stop();
    await runner.start();
  });

  async function issueWith(active: ProcessManagerRunner) {
    const documentId = `out-${++serial}`;
    await ctx.appendOutgoing(documentId, [issuedDocument(documentId)]);
    await active.waitUntilIdle(20_000);
    return { documentId };
  }

  async function readAll(streamId: string) {
    const events = [];
    for await (const event of ctx.store.readStream(streamId)) events.push(event);
    return events;
  }

  it('keeps the outgoing stream untouched: managers only write to the copies and the delivery', async () => {
    const { documentId } = await issue();
    expect((await readAll(outgoingStream(documentId))).map((e) => e.type)).toEqual(['OutgoingDocumentIssued']);
  });
});

async function waitForStates(runner: ProcessManagerRunner, states: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (JSON.stringify(runner.status().map((s) => s.state)) !== JSON.stringify(states)) {
    if (Date.now() > deadline) throw new Error(`states stayed ${JSON.stringify(runner.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
