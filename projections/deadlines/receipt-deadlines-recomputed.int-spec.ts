import { EventLog } from '../testing/event-log';
import { incomingDocument, LEADER } from '../testing/incoming-fixtures';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { receiptDeadlinesRecomputed } from '../testing/receipt-deadlines-recomputed';
import { deadlinesProjection as projection } from './deadlines.projection';

describe('deadlines projection: receipt deadlines recomputed on a changed calendar', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_deadlines_recompute');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const dueOf = (documentId: string) =>
    db.rows<Record<string, unknown>>(
      'SELECT kind, due_at, lead_username, status FROM rm_deadlines.deadlines WHERE document_id = $1 ORDER BY kind',
      [documentId],
    );

  it('moves the registration and urgency rows of a document not yet registered', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [
      doc.received({ urgency: 'FLASH', urgencyDueAt: '2025-03-04T08:45:00+07:00' }),
      receiptDeadlinesRecomputed(
        log,
        'doc-1',
        { effectiveReceivedAt: '2025-03-05T08:00:00+07:00', registrationDueAt: '2025-03-05T16:00:00+07:00', urgencyDueAt: '2025-03-05T08:30:00+07:00' },
        { urgencyDueAt: '2025-03-04T08:45:00+07:00' },
      ),
    ]);
    expect(await dueOf('doc-1')).toEqual([
      { kind: 'REGISTRATION', due_at: new Date('2025-03-05T16:00:00+07:00'), lead_username: null, status: 'RECEIVED' },
      { kind: 'URGENCY', due_at: new Date('2025-03-05T08:30:00+07:00'), lead_username: null, status: 'RECEIVED' },
    ]);
  });

  it('moves only the urgency row once the document is registered, and brings back no met obligation', async () => {
    const doc = incomingDocument(log, 'doc-2');
    await db.apply(projection, [
      doc.received({ urgency: 'URGENT', urgencyDueAt: '2025-03-04T10:15:00+07:00' }),
      doc.registered(3),
      doc.presented(),
      receiptDeadlinesRecomputed(
        log,
        'doc-2',
        { effectiveReceivedAt: '2025-03-04T08:15:00+07:00', registrationDueAt: '2025-03-04T16:45:00+07:00', urgencyDueAt: '2025-03-05T09:15:00+07:00' },
        { urgencyDueAt: '2025-03-04T10:15:00+07:00' },
      ),
    ]);
    expect(await dueOf('doc-2')).toEqual([
      { kind: 'URGENCY', due_at: new Date('2025-03-05T09:15:00+07:00'), lead_username: LEADER.username, status: 'PRESENTED' },
    ]);
  });

  it('changes nothing when replayed', async () => {
    const doc = incomingDocument(log, 'doc-3');
    const moved = { effectiveReceivedAt: '2025-03-04T08:15:00+07:00', registrationDueAt: '2025-03-05T16:45:00+07:00', urgencyDueAt: null };
    await db.apply(projection, [doc.received(), receiptDeadlinesRecomputed(log, 'doc-3', moved)]);
    const after = await db.rows('SELECT * FROM rm_deadlines.deadlines ORDER BY document_id, kind');
    await db.apply(projection, log.all, 'one-by-one');
    expect(await db.rows('SELECT * FROM rm_deadlines.deadlines ORDER BY document_id, kind')).toEqual(after);
    expect(after).toEqual([expect.objectContaining({ kind: 'REGISTRATION', due_at: new Date(moved.registrationDueAt) })]);
  });
});
