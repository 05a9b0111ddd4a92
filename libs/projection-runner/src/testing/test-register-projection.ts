import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '../projection';

/** Event types of the runner's tests: a register-like read model (one row per document). */
export const TEST_EVENT = {
  registered: 'TestDocumentRegistered',
  amended: 'TestDocumentAmended',
  /** Handled by no test projection. */
  unrelated: 'TestUnrelatedHappened',
} as const;

export interface TestRegisterOptions {
  readonly name: string;
  /** Use the multi-row `handleBatch` path (default) or one `handle` call per event. */
  readonly batch?: boolean;
  /** Throw when applying an event for which this returns true. */
  readonly failOn?: (event: RecordedEvent) => boolean;
}

/**
 * A register: `documents` keeps one row per stream with the revision it reflects (idempotent:
 * older revisions never overwrite newer ones). `applications` counts how often each event was
 * applied, without such a guard, so any event processed twice shows up as a count above one.
 */
export function testRegisterProjection(options: TestRegisterOptions): ProjectionDefinition {
  const apply = async (events: readonly RecordedEvent[], tx: ProjectionTx) => {
    const failing = options.failOn && events.find(options.failOn);
    if (failing) throw new Error(`Test handler refuses event ${failing.streamId}@${failing.revision}`);
    await upsertDocuments(events, tx);
    await countApplications(events, tx);
  };
  return {
    name: options.name,
    eventTypes: [TEST_EVENT.registered, TEST_EVENT.amended],
    schema: [
      `CREATE TABLE IF NOT EXISTS documents (
         document_id text PRIMARY KEY,
         number integer,
         title text NOT NULL,
         revision bigint NOT NULL,
         position text NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS applications (
         stream_id text NOT NULL,
         revision bigint NOT NULL,
         count integer NOT NULL,
         PRIMARY KEY (stream_id, revision))`,
      'CREATE INDEX IF NOT EXISTS documents_number ON documents (number)',
    ],
    handle: (event, tx) => apply([event], tx),
    ...(options.batch === false ? {} : { handleBatch: apply }),
  };
}

interface DocumentChange {
  documentId: string;
  number: number | null;
  title: string;
  revision: bigint;
  position: string;
}

/** Folds the batch per document first: one upsert may not touch the same row twice. */
async function upsertDocuments(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  const changes = new Map<string, DocumentChange>();
  for (const event of events) {
    const previous = changes.get(event.streamId);
    const registered = event.type === TEST_EVENT.registered;
    changes.set(event.streamId, {
      documentId: event.streamId,
      number: registered ? Number(event.data.number) : (previous?.number ?? null),
      title: String(event.data.title),
      revision: event.revision,
      position: event.position,
    });
  }
  const rows = [...changes.values()];
  await tx.query(
    `INSERT INTO documents (document_id, number, title, revision, position)
     SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::bigint[], $5::text[])
     ON CONFLICT (document_id) DO UPDATE
       SET number = COALESCE(EXCLUDED.number, documents.number),
           title = EXCLUDED.title,
           revision = EXCLUDED.revision,
           position = EXCLUDED.position
     WHERE documents.revision < EXCLUDED.revision`,
    [
      rows.map((r) => r.documentId),
      rows.map((r) => r.number),
      rows.map((r) => r.title),
      rows.map((r) => r.revision.toString()),
      rows.map((r) => r.position),
    ],
  );
}

async function countApplications(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  await tx.query(
    `INSERT INTO applications (stream_id, revision, count)
     SELECT stream_id, revision, 1 FROM unnest($1::text[], $2::bigint[]) AS e(stream_id, revision)
     ON CONFLICT (stream_id, revision) DO UPDATE SET count = applications.count + 1`,
    [events.map((e) => e.streamId), events.map((e) => e.revision.toString())],
  );
}
