import { setTimeout as sleep } from 'node:timers/promises';
import { HttpException } from '@nestjs/common';
import { interconnectCopyId, ProcessManagerRunner } from '@app/process-managers';
import { HealthController } from '../src/health/health.controller';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { succeed } from './incoming-fixtures';
import { ISSUE, MAIN_FILE, NUMBER, SEAL, signatureOn, signedDocument, SNV } from './outgoing-fixtures';

const UBND = '000.00.00.H41';
const RECEIVED = `query($id: ID!) { incomingDocument(id: $id) { id status channel source { outgoingDocumentId agencyCode } } }`;

/** The single-machine default: the projections and process managers on a worker thread of the api (PROJECTOR_THREAD). */
describe('projector thread', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR_THREAD: 'true' });
  }, 120_000);
  afterAll(async () => t?.close());

  it('projects on the thread: the seeded staff sign in, every projection runs there, none on the api event loop', async () => {
    const me = await t.graphql<{ me: { username: string } }>('{ me { username } }', {}, 'vanthu.ubnd');
    expect(me.data?.me.username).toBe('vanthu.ubnd');

    const status = await t.platform.projections.status();
    expect(status.length).toBeGreaterThan(5);
    expect(status.every((projection) => projection.state === 'running' && projection.lastError === null)).toBe(true);
    expect(t.app.get(ProcessManagerRunner).status().every((manager) => manager.state === 'stopped')).toBe(true);
  });

  it('answers /health degraded, not ok with no projections listed, when the thread cannot say how they are', async () => {
    const ended = { status: () => Promise.reject(new Error('the projector thread has ended')) };
    const health = new HealthController(t.platform.pool, t.platform.eventStore, ended);

    const refusal = await health.ready().catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(503);
    expect((refusal as HttpException).getResponse()).toMatchObject({
      status: 'degraded',
      database: 'ok',
      projectionsError: 'error: the projector thread has ended',
    });
  });

  it("delivers between agencies from the thread: the recipient's clerk finds the issued document received", async () => {
    const id = await signedDocument(t);
    await succeed(t, NUMBER, { id }, SNV.clerk);
    await succeed(t, SEAL, { id, signature: signatureOn(MAIN_FILE.sha256) }, SNV.clerk);
    await succeed(t, ISSUE, { id }, SNV.clerk);

    const copyId = interconnectCopyId(id, UBND);
    let received = null;
    for (let tries = 0; tries < 100 && received === null; tries++) {
      const answer = await t.graphql<{ incomingDocument: { source: { outgoingDocumentId: string } } | null }>(RECEIVED, { id: copyId }, 'vanthu.ubnd');
      received = answer.data?.incomingDocument ?? null;
      if (received === null) await sleep(100);
    }
    expect(received).toMatchObject({ id: copyId, status: 'RECEIVED', channel: 'INTERCONNECT', source: { outgoingDocumentId: id } });
  });
});
