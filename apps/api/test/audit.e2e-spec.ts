import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadEnvironment } from '@app/config';
import { incomingStream } from '@app/domain';
import { toVietnamIso } from '@app/working-time';
import { exportEventsCommand } from '../../cli/src/export-events.command';
import { verifyExportFile } from '../../cli/src/verify-export.command';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, documentInput, receive, RECEIVE, refusal, refusedWithoutEffect, register, REGISTER, Result, RESULT, succeed } from './incoming-fixtures';

const ASSIGN = `mutation($id: ID!, $input: AssignIncomingDocumentInput!) { assignIncomingDocument(documentId: $id, input: $input) ${RESULT} }`;
const FORWARD = `mutation($id: ID!, $input: ForwardAssignmentInput!) { forwardAssignment(documentId: $id, input: $input) ${RESULT} }`;
const START = `mutation($id: ID!) { startProcessing(documentId: $id) ${RESULT} }`;
const COMPLETE = `mutation($id: ID!, $result: String!) { completeIncomingDocument(documentId: $id, result: $result) ${RESULT} }`;
const DETAIL = `query($id: ID!, $p: String) { incomingDocument(id: $id, consistentWith: $p) { id status attachments { fileName sha256 } } }`;
const HISTORY = `query($id: ID!) { documentHistory(documentId: $id) {
  revision position eventId type occurredAt recordedAt actor { username fullName role roles agencyCode } onBehalfOf { username }
  summary data metadata commandId causationId correlationId schemaVersion hash previousHash
} }`;
const AS_OF = `query($id: ID!, $at: DateTime!) { documentAsOf(documentId: $id, at: $at) { documentId kind asOf revision lastEventAt status state } }`;
const VERIFY = `query($id: ID!) { verifyDocumentHistory(documentId: $id) { documentId streamId valid eventCount brokenAtRevision lastHash } }`;
const ACCESS_LOG = `query($id: ID!, $first: Int, $after: String) { accessLog(documentId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { at username fullName roles agencyCode documentId what fields ip userAgent } }
} }`;

interface HistoryEvent {
  revision: number;
  position: string;
  type: string;
  occurredAt: string;
  actor: { username: string; fullName: string; role: string; roles: string[]; agencyCode: string };
  onBehalfOf: null;
  summary: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  commandId: string;
  causationId: string;
  correlationId: string;
  hash: string;
  previousHash: string | null;
}
interface Snapshot { revision: number; status: string; kind: string; lastEventAt: string; state: Record<string, unknown> }
interface Verification { valid: boolean; eventCount: number; brokenAtRevision: number | null; lastHash: string | null; streamId: string }
interface AccessLogPage {
  accessLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { username: string; fullName: string; roles: string[]; agencyCode: string; what: string; fields: string[]; ip: string; userAgent: string | null } }[];
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Audit: full document history, state at any instant, and verifiable integrity', () => {
  let t: TestApp;
  let dir: string;
  const env = () => loadEnvironment({ DATABASE_URL: t.platform.databaseUrl });

  /** One document driven through its whole processing; after each step the instant and the status the register showed. */
  let id: string;
  const beforeReceipt = { at: '' };
  const steps: { name: string; result: Result; at: string; observed: string }[] = [];

  async function step(name: string, act: () => Promise<Result>): Promise<void> {
    const result = await act();
    const read = await t.graphql<{ incomingDocument: { status: string } }>(DETAIL, { id: id ?? result.id, p: result.position }, 'lanhdao.ubnd');
    steps.push({ name, result, at: toVietnamIso(new Date()), observed: read.data?.incomingDocument.status ?? 'unreadable' });
    // The next command's time must be strictly later than this instant (they are kept to the millisecond).
    await pause(5);
  }

  const history = async (documentId: string, username = 'kiemtra.ubnd') =>
    (await t.graphql<{ documentHistory: HistoryEvent[] }>(HISTORY, { id: documentId }, username)).data?.documentHistory ?? [];
  const verify = async (documentId: string) =>
    (await t.graphql<{ verifyDocumentHistory: Verification }>(VERIFY, { id: documentId }, 'kiemtra.ubnd')).data?.verifyDocumentHistory;

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'audit-e2e-'));
    beforeReceipt.at = toVietnamIso(new Date());
    await pause(5);
    await step('receive', () => receive(t, 'vanthu.ubnd', { subject: 'Về việc kiểm tra công tác văn thư năm 2026' }));
    id = steps[0].result.id;
    await step('register', () => register(t, 'vanthu.ubnd', id));
    await step('assign', () =>
      succeed(t, ASSIGN, { id, input: { instruction: 'Giao Phòng Tổng hợp chủ trì tham mưu', assignees: [{ role: 'LEAD', unitId: 'ubnd-th' }] } }, 'lanhdao.ubnd'),
    );
    await step('forward', () => succeed(t, FORWARD, { id, input: { username: 'chuyenvien.ubnd', instruction: 'Đồng chí Viên dự thảo báo cáo' } }, 'truongphong.ubnd'));
    await step('start', () => succeed(t, START, { id }, 'chuyenvien.ubnd'));
    await step('complete', () => succeed(t, COMPLETE, { id, result: 'Đã báo cáo kết quả kiểm tra' }, 'chuyenvien.ubnd'));
  });
  afterAll(() => t?.close());

  describe('documentHistory', () => {
    it('lists every action in order, with who did it, when, a readable summary and the hash chain', async () => {
      const events = await history(id);
      expect(events.map((e) => [e.revision, e.type, e.actor.username, e.actor.fullName, e.actor.role, e.actor.agencyCode])).toEqual([
        [0, 'IncomingDocumentReceived', 'vanthu.ubnd', 'Trần Thị Thư', 'CLERK', AGENCY.ubnd],
        [1, 'IncomingDocumentRegistered', 'vanthu.ubnd', 'Trần Thị Thư', 'CLERK', AGENCY.ubnd],
        [2, 'IncomingDocumentAssigned', 'lanhdao.ubnd', 'Lê Văn Đạo', 'LEADER', AGENCY.ubnd],
        [3, 'IncomingAssignmentForwarded', 'truongphong.ubnd', 'Phạm Thị Phương', 'UNIT_HEAD', AGENCY.ubnd],
        [4, 'IncomingProcessingStarted', 'chuyenvien.ubnd', 'Hoàng Văn Viên', 'OFFICER', AGENCY.ubnd],
        [5, 'IncomingDocumentCompleted', 'chuyenvien.ubnd', 'Hoàng Văn Viên', 'OFFICER', AGENCY.ubnd],
      ]);
      events.forEach((event, i) => {
        // Each action happened after the previous step's answer and before its own step's answer.
        const after = i === 0 ? beforeReceipt.at : steps[i - 1].at;
        expect(Date.parse(event.occurredAt)).toBeGreaterThan(Date.parse(after));
        expect(Date.parse(event.occurredAt)).toBeLessThanOrEqual(Date.parse(steps[i].at));
        expect(event.previousHash).toBe(i === 0 ? null : events[i - 1].hash);
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(event).toMatchObject({ onBehalfOf: null, commandId: expect.any(String), causationId: expect.any(String), correlationId: expect.any(String) });
      });
      // Single-stream mutations answer with the position of the event they appended.
      for (const i of [0, 2, 3, 4, 5]) expect(events[i].position).toBe(steps[i].result.position);
      // The registration is a use case over three streams: its events share one correlation id.
      expect(events[1].correlationId).not.toBe(events[1].commandId);

      const registered = events[1].data as { arrivalNumber: number; year: number; registerCode: string };
      expect(events.map((e) => e.summary)).toEqual([
        expect.stringMatching(/^Văn thư Trần Thị Thư tiếp nhận văn bản đến số \d+\/QĐ-UBND ngày 16\/11\/2026 của Ủy ban nhân dân tỉnh Demo \(bản giấy\): Về việc kiểm tra công tác văn thư năm 2026$/),
        expect.stringContaining(`Văn thư Trần Thị Thư vào sổ văn bản đến số ${registered.arrivalNumber} (sổ ${registered.registerCode}/${registered.year})`),
        expect.stringMatching(/^Lãnh đạo Lê Văn Đạo phân công chủ trì: Phòng Tổng hợp; hạn xử lý .+; bút phê: “Giao Phòng Tổng hợp chủ trì tham mưu”$/),
        expect.stringMatching(/^Lãnh đạo đơn vị Phạm Thị Phương chuyển xử lý \(lần 1\) từ Phòng Tổng hợp đến Hoàng Văn Viên, hạn .+: Đồng chí Viên dự thảo báo cáo$/),
        'Chuyên viên Hoàng Văn Viên bắt đầu xử lý văn bản',
        'Chuyên viên Hoàng Văn Viên hoàn thành xử lý: Đã báo cáo kết quả kiểm tra',
      ]);
      // Data and metadata are shown exactly as stored.
      const { rows } = await t.platform.pool.query('SELECT data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [incomingStream(id)]);
      expect(events.map((e) => ({ data: e.data, metadata: e.metadata }))).toEqual(rows);
    });

    it('is readable by any staff of the agency, and by nobody of another agency', async () => {
      expect(await history(id, 'chuyenvien.ubnd')).toHaveLength(6);
      for (const query of [HISTORY, VERIFY]) {
        expect(refusal(await t.graphql(query, { id }, 'kiemtra.snv'))).toMatchObject({ code: 'FORBIDDEN' });
        expect(refusal(await t.graphql(query, { id: 'no-such-document' }, 'kiemtra.ubnd'))).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(refusal(await t.graphql(AS_OF, { id, at: steps[0].at }, 'kiemtra.snv'))).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('documentAsOf', () => {
    it('returns, at an instant after each step, the status observed then', async () => {
      expect(steps.map((s) => s.observed)).toEqual(['RECEIVED', 'REGISTERED', 'ASSIGNED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED']);
      for (const [i, s] of steps.entries()) {
        const res = await t.graphql<{ documentAsOf: Snapshot }>(AS_OF, { id, at: s.at }, 'kiemtra.ubnd');
        expect(res.errors).toBeUndefined();
        expect(res.data?.documentAsOf).toMatchObject({ kind: 'INCOMING', revision: i, status: s.observed });
      }
    });

    it('folds the state fields of that instant, and is null before the document existed', async () => {
      const assigned = await t.graphql<{ documentAsOf: Snapshot }>(AS_OF, { id, at: steps[2].at }, 'kiemtra.ubnd');
      expect(assigned.data?.documentAsOf.state).toMatchObject({
        status: 'ASSIGNED',
        assignment: { lead: { unitId: 'ubnd-th' }, hops: [] },
        document: { subject: 'Về việc kiểm tra công tác văn thư năm 2026' },
      });
      const forwarded = await t.graphql<{ documentAsOf: Snapshot }>(AS_OF, { id, at: steps[3].at }, 'kiemtra.ubnd');
      expect(forwarded.data?.documentAsOf.state).toMatchObject({ assignment: { lead: { username: 'chuyenvien.ubnd' }, hops: [{ hop: 1 }] } });

      const before = await t.graphql<{ documentAsOf: Snapshot | null }>(AS_OF, { id, at: beforeReceipt.at }, 'kiemtra.ubnd');
      expect(before.errors).toBeUndefined();
      expect(before.data?.documentAsOf).toBeNull();
      const invalid = refusal(await t.graphql(AS_OF, { id, at: '2026-13-01T00:00:00+07:00' }, 'kiemtra.ubnd'));
      expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    });
  });

  describe('offline export', () => {
    it('exports an agency: every stream with its events in the range, verifiable, none of another agency', async () => {
      const other = await receive(t, 'vanthu.snv');
      const file = join(dir, 'agency.ndjson');
      const to = toVietnamIso(new Date(Date.now() + 60_000));
      const message = await exportEventsCommand(env(), ['--agency', AGENCY.ubnd, '--from', beforeReceipt.at, '--to', to, '--out', file]);
      expect(message).toMatch(/^Exported \d+ events of \d+ streams to /);
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { streamId: string; revision: string });
      const streams = new Set(lines.map((line) => line.streamId));
      expect(streams).toContain(incomingStream(id));
      expect(streams).not.toContain(incomingStream(other.id));
      expect(lines.filter((line) => line.streamId === incomingStream(id)).map((line) => line.revision)).toEqual(['0', '1', '2', '3', '4', '5']);
      const verification = await verifyExportFile(file);
      expect(verification.valid).toBe(true);
    });
  });

  describe('tampering', () => {
    it('an edited export line is reported broken at its revision by the offline verifier', async () => {
      const file = join(dir, 'document.ndjson');
      await exportEventsCommand(env(), ['--document', id, '--out', file]);
      const intact = await verifyExportFile(file);
      expect(intact.valid).toBe(true);
      expect(intact.streams).toEqual([
        expect.objectContaining({ streamId: incomingStream(id), eventCount: 6, firstRevision: '0', lastRevision: '5', anchor: null, brokenAtRevision: null }),
      ]);
      expect(intact.streams[0].lastHash).toBe((await verify(id))?.lastHash);

      const lines = readFileSync(file, 'utf8').split('\n');
      lines[2] = lines[2].replace('Giao Phòng Tổng hợp chủ trì tham mưu', 'Giao Văn phòng chủ trì tham mưu');
      writeFileSync(file, lines.join('\n'));
      const edited = await verifyExportFile(file);
      expect(edited.valid).toBe(false);
      expect(edited.streams[0]).toMatchObject({ brokenAtRevision: '2', problem: expect.stringContaining('altered') });
    });

    /** A document with three events (received, registered, assigned), to be tampered with. */
    async function threeEvents(): Promise<string> {
      const doc = await receive(t, 'vanthu.ubnd');
      await register(t, 'vanthu.ubnd', doc.id);
      await succeed(t, ASSIGN, { id: doc.id, input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.ubnd' }] } }, 'lanhdao.ubnd');
      expect(await verify(doc.id)).toMatchObject({ valid: true, eventCount: 3, brokenAtRevision: null });
      return doc.id;
    }

    it('finds data altered in PostgreSQL at the altered revision, online and offline', async () => {
      const altered = await threeEvents();
      await t.platform.pool.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{arrivalNumber}', '999') WHERE stream_id = $1 AND revision = 1`,
        [incomingStream(altered)],
      );
      expect(await verify(altered)).toMatchObject({ valid: false, eventCount: 3, brokenAtRevision: 1 });
      // The history still shows what is stored, altered event included.
      expect((await history(altered))[1].data).toMatchObject({ arrivalNumber: 999 });

      const file = join(dir, 'altered.ndjson');
      await exportEventsCommand(env(), ['--document', altered, '--out', file]);
      expect((await verifyExportFile(file)).streams[0]).toMatchObject({ brokenAtRevision: '1' });
    });

    it('finds a deleted event at the revision where the chain then breaks', async () => {
      const deleted = await threeEvents();
      await t.platform.pool.query('DELETE FROM event_store.events WHERE stream_id = $1 AND revision = 1', [incomingStream(deleted)]);
      expect(await verify(deleted)).toMatchObject({ valid: false, eventCount: 2, brokenAtRevision: 2 });
      const first = await threeEvents();
      await t.platform.pool.query('DELETE FROM event_store.events WHERE stream_id = $1 AND revision = 0', [incomingStream(first)]);
      expect(await verify(first)).toMatchObject({ valid: false, brokenAtRevision: 0 });
    });

    it('finds altered metadata (who acted) without any reordering', async () => {
      const relabelled = await threeEvents();
      await t.platform.pool.query(
        `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor,fullName}', '"Người Khác"') WHERE stream_id = $1 AND revision = 2`,
        [incomingStream(relabelled)],
      );
      expect(await verify(relabelled)).toMatchObject({ valid: false, eventCount: 3, brokenAtRevision: 2 });
    });
  });

  describe('AUDITOR', () => {
    it('reads documents of its agency but every mutation is refused FORBIDDEN and appends nothing', async () => {
      const doc = await receive(t, 'vanthu.ubnd');
      const read = await t.graphql<{ incomingDocument: { status: string } }>(DETAIL, { id: doc.id, p: doc.position }, 'kiemtra.ubnd');
      expect(read.data?.incomingDocument.status).toBe('RECEIVED');
      const attempts = [
        () => t.graphql(RECEIVE, { input: documentInput() }, 'kiemtra.ubnd'),
        () => t.graphql(REGISTER, { id: doc.id }, 'kiemtra.ubnd'),
        () => t.graphql(ASSIGN, { id: doc.id, input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.ubnd' }] } }, 'kiemtra.ubnd'),
        () => t.graphql(`mutation { changeStaffRoles(username: "kiemtra.ubnd", roles: [ADMIN]) ${RESULT} }`, {}, 'kiemtra.ubnd'),
        () =>
          t.graphql(
            `mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) ${RESULT} }`,
            {
              input: {
                delegateUsername: 'chuyenvien.ubnd',
                actions: ['SIGN'],
                validFrom: '2026-01-01T00:00:00+07:00',
                validTo: '2099-01-01T00:00:00+07:00',
                basis: 'Giấy ủy quyền',
              },
            },
            'kiemtra.ubnd',
          ),
      ];
      for (const attempt of attempts) {
        expect(await refusedWithoutEffect(t, attempt)).toMatchObject({ code: 'FORBIDDEN', reason: 'AUDITOR_READ_ONLY' });
      }
    });
  });

  describe('accessLog', () => {
    it('shows who read the document, what, when and from where, newest first, to the auditor and the leader', async () => {
      const doc = await receive(t, 'vanthu.ubnd');
      await t.graphql(DETAIL, { id: doc.id, p: doc.position }, 'lanhdao.ubnd');
      const token = await t.token('kiemtra.ubnd');
      await request(t.app.getHttpServer())
        .post('/graphql')
        .set('Authorization', `Bearer ${token}`)
        .set('User-Agent', 'AuditBrowser/1.0')
        .send({ query: HISTORY, variables: { id: doc.id } })
        .expect(200);
      await t.graphql(AS_OF, { id: doc.id, at: toVietnamIso(new Date()) }, 'kiemtra.ubnd');
      await t.graphql(VERIFY, { id: doc.id }, 'kiemtra.ubnd');
      // Refused reads are not reads.
      await t.graphql(HISTORY, { id: doc.id }, 'kiemtra.snv');

      const log = await t.graphql<AccessLogPage>(ACCESS_LOG, { id: doc.id }, 'kiemtra.ubnd');
      expect(log.errors).toBeUndefined();
      const nodes = log.data?.accessLog.edges.map((e) => e.node) ?? [];
      expect(nodes.map((n) => [n.username, n.what])).toEqual([
        ['kiemtra.ubnd', 'VERIFICATION'],
        ['kiemtra.ubnd', 'AS_OF'],
        ['kiemtra.ubnd', 'HISTORY'],
        ['lanhdao.ubnd', 'DETAIL'],
      ]);
      expect(nodes[2]).toMatchObject({ fullName: 'Vũ Văn Kiểm', roles: ['AUDITOR'], agencyCode: AGENCY.ubnd, userAgent: 'AuditBrowser/1.0' });
      expect(nodes[2].fields).toEqual(expect.arrayContaining(['actor', 'data', 'hash', 'summary']));
      expect(nodes[3]).toMatchObject({ fullName: 'Lê Văn Đạo', roles: ['LEADER'], fields: ['attachments', 'id', 'status'] });
      for (const node of nodes) expect(node.ip).toMatch(/127\.0\.0\.1|::1/);

      const leaderFirstPage = await t.graphql<AccessLogPage>(ACCESS_LOG, { id: doc.id, first: 3 }, 'lanhdao.ubnd');
      expect(leaderFirstPage.data?.accessLog).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
      const after = leaderFirstPage.data?.accessLog.pageInfo.endCursor;
      const leaderSecondPage = await t.graphql<AccessLogPage>(ACCESS_LOG, { id: doc.id, first: 3, after }, 'lanhdao.ubnd');
      expect(leaderSecondPage.data?.accessLog.edges.map((e) => e.node.what)).toEqual(['DETAIL']);
      expect(leaderSecondPage.data?.accessLog.pageInfo.hasNextPage).toBe(false);
    });

    it('is refused to an officer, to another agency, and NOT_FOUND for an unknown document', async () => {
      const doc = await receive(t, 'vanthu.ubnd');
      expect(refusal(await t.graphql(ACCESS_LOG, { id: doc.id }, 'chuyenvien.ubnd'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await t.graphql(ACCESS_LOG, { id: doc.id }, 'lanhdao.snv'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await t.graphql(ACCESS_LOG, { id: doc.id }, 'kiemtra.snv'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await t.graphql(ACCESS_LOG, { id: 'no-such-document' }, 'kiemtra.ubnd'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('is append-only in the database', async () => {
      await expect(t.platform.pool.query(`UPDATE audit.access_log SET username = 'someone'`)).rejects.toThrow(/append-only/);
      await expect(t.platform.pool.query('DELETE FROM audit.access_log')).rejects.toThrow(/append-only/);
      await expect(t.platform.pool.query('TRUNCATE audit.access_log')).rejects.toThrow(/append-only/);
    });
  });
});
