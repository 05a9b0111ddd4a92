import { EventLog } from '../testing/event-log';
import { incomingDocument } from '../testing/incoming-fixtures';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { receiptDeadlinesRecomputed } from '../testing/receipt-deadlines-recomputed';
import { incomingDocumentsProjection as projection } from './incoming-documents.projection';

describe('incoming documents projection: receipt deadlines recomputed on a changed calendar', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_incoming_recompute');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const instantsOf = async (documentId: string) =>
    (
      await db.rows(
        `SELECT effective_received_at, registration_due_at, urgency_due_at, status, revision
         FROM rm_incoming_documents.incoming_documents WHERE document_id = $1`,
        [documentId],
      )
    )[0];

  it('shows the recomputed instants on the document', async () => {
    const doc = incomingDocument(log, 'doc-1');
    const moved = {
      effectiveReceivedAt: '2025-03-05T08:00:00+07:00',
      registrationDueAt: '2025-03-05T16:00:00+07:00',
      urgencyDueAt: '2025-03-05T10:00:00+07:00',
    };
    await db.apply(projection, [
      doc.received({ urgency: 'URGENT', urgencyDueAt: '2025-03-04T10:15:00+07:00' }),
      receiptDeadlinesRecomputed(log, 'doc-1', moved, { urgencyDueAt: '2025-03-04T10:15:00+07:00' }),
    ]);
    expect(await instantsOf('doc-1')).toEqual({
      effective_received_at: new Date(moved.effectiveReceivedAt),
      registration_due_at: new Date(moved.registrationDueAt),
      urgency_due_at: new Date(moved.urgencyDueAt),
      status: 'RECEIVED',
      revision: '1',
    });
  });

  it('applies each recompute once, in stream order, however often it is replayed', async () => {
    const doc = incomingDocument(log, 'doc-2');
    const first = { effectiveReceivedAt: '2025-03-04T08:15:00+07:00', registrationDueAt: '2025-03-05T16:45:00+07:00', urgencyDueAt: null };
    const second = { effectiveReceivedAt: '2025-03-04T08:15:00+07:00', registrationDueAt: '2025-03-06T16:45:00+07:00', urgencyDueAt: null };
    await db.apply(projection, [doc.received(), receiptDeadlinesRecomputed(log, 'doc-2', first)]);
    await db.apply(projection, [receiptDeadlinesRecomputed(log, 'doc-2', second, first)]);
    const after = await db.rows('SELECT * FROM rm_incoming_documents.incoming_documents ORDER BY document_id');

    await db.apply(projection, log.all, 'one-by-one');
    await db.apply(projection, log.all);
    expect(await db.rows('SELECT * FROM rm_incoming_documents.incoming_documents ORDER BY document_id')).toEqual(after);
    expect(await instantsOf('doc-2')).toMatchObject({ registration_due_at: new Date(second.registrationDueAt), revision: '2' });
  });
});
