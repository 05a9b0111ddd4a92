import type { DeliveryEvent, OutgoingDocumentIssued, TrackedRecipient } from '@app/domain';
import { DELIVERY_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordsetColumns, recordsetParam } from '../shared/recordset';
import { revisionedUpdate } from '../shared/revisioned-update';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';

type DeliveriesEvent = DeliveryEvent | OutgoingDocumentIssued;
type Of<K extends DeliveriesEvent['type']> = Projected<Extract<DeliveriesEvent, { type: K }>>;

/**
 * rm_deliveries.deliveries: the sender's view of an issued document at each recipient (`deliveries(documentId)`,
 * Decree 30 Điều 4.2.d), with every status it went through. The rows appear with the issue itself (every
 * recipient PENDING), so a client reading with the position sees them before the process manager has
 * started tracking; the delivery stream then takes over. `revision` is the delivery stream's (-1 before tracking).
 */
export const deliveriesProjection: ProjectionDefinition = {
  name: 'deliveries',
  eventTypes: ['OutgoingDocumentIssued', ...DELIVERY_EVENT_TYPES],
  schema: [
    `CREATE TABLE IF NOT EXISTS deliveries (
       document_id text NOT NULL,
       recipient_key text NOT NULL,
       agency_code text NOT NULL,
       ordinal integer NOT NULL,
       recipient_agency_code text,
       recipient_name text NOT NULL,
       in_system boolean NOT NULL,
       issued_at timestamptz NOT NULL,
       tracking_started_at timestamptz,
       status text NOT NULL,
       exchange_code text,
       status_at timestamptz,
       history jsonb NOT NULL DEFAULT '[]',
       revision bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (document_id, recipient_key))`,
    // Recipients of other agencies' documents in this system, e.g. for a report of what they received.
    `CREATE INDEX IF NOT EXISTS deliveries_recipient ON deliveries (recipient_agency_code, status) WHERE recipient_agency_code IS NOT NULL`,
  ],
  handle: (event, tx) => applyDeliveryEvents([event], tx),
  handleBatch: applyDeliveryEvents,
};

async function applyDeliveryEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(events)) await applyByType(round, handlers, tx);
}

const RECIPIENT_COLUMNS: ColumnTypes = {
  document_id: 'text',
  recipient_key: 'text',
  agency_code: 'text',
  ordinal: 'integer',
  recipient_agency_code: 'text',
  recipient_name: 'text',
  in_system: 'boolean',
  issued_at: 'timestamptz',
  tracking_started_at: 'timestamptz',
  status: 'text',
  revision: 'bigint',
  updated_at: 'timestamptz',
};

interface Tracked {
  readonly documentId: string;
  readonly agencyCode: string;
  readonly issuedAt: string;
  readonly trackingStartedAt: string | null;
  readonly recipients: readonly TrackedRecipient[];
  readonly revision: string;
  readonly recordedAt: string;
}

/** Inserts every recipient PENDING; tracking fills in its start and revision on rows the issue created. */
async function upsertRecipients(documents: readonly Tracked[], tx: ProjectionTx): Promise<void> {
  const rows = documents.flatMap((d) =>
    d.recipients.map((recipient, ordinal) => ({
      document_id: d.documentId,
      recipient_key: recipient.recipientKey,
      agency_code: d.agencyCode,
      ordinal,
      recipient_agency_code: recipient.agencyCode,
      recipient_name: recipient.name,
      in_system: recipient.inSystem,
      issued_at: d.issuedAt,
      tracking_started_at: d.trackingStartedAt,
      status: 'PENDING',
      revision: d.revision,
      updated_at: d.recordedAt,
    })),
  );
  await tx.query(
    `INSERT INTO deliveries (${columnNames(RECIPIENT_COLUMNS)})
     SELECT ${columnNames(RECIPIENT_COLUMNS, 'e')} FROM jsonb_to_recordset($1::jsonb) AS e(${recordsetColumns(RECIPIENT_COLUMNS)})
     ON CONFLICT (document_id, recipient_key) DO UPDATE
       SET tracking_started_at = EXCLUDED.tracking_started_at, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
       WHERE deliveries.revision < EXCLUDED.revision`,
    [recordsetParam(rows)],
  );
}

const handlers: TypeHandlers<DeliveriesEvent> = {
  OutgoingDocumentIssued: (events, tx) =>
    upsertRecipients(
      events.map(({ data: d, recordedAt }) => ({
        documentId: d.documentId,
        agencyCode: d.agencyCode,
        issuedAt: d.issuedAt,
        trackingStartedAt: null,
        recipients: d.recipients,
        revision: '-1',
        recordedAt,
      })),
      tx,
    ),
  DeliveryTrackingStarted: (events, tx) =>
    upsertRecipients(
      events.map(({ data: d, revision, recordedAt }) => ({
        documentId: d.documentId,
        agencyCode: d.agencyCode,
        issuedAt: d.issuedAt,
        trackingStartedAt: d.startedAt,
        recipients: d.recipients,
        revision,
        recordedAt,
      })),
      tx,
    ),
  DeliveryStatusRecorded: revisionedUpdate<Extract<DeliveriesEvent, { type: 'DeliveryStatusRecorded' }>>({
    table: 'deliveries',
    key: { document_id: 'text', recipient_key: 'text' },
    keyOf: ({ data: d }) => ({ document_id: d.documentId, recipient_key: d.recipientKey }),
    columns: { status: 'text', exchange_code: 'text', status_at: 'timestamptz', entry: 'jsonb' },
    set: 'status = e.status, exchange_code = e.exchange_code, status_at = e.status_at, history = d.history || jsonb_build_array(e.entry)',
    row: ({ data: d }: Of<'DeliveryStatusRecorded'>) => ({
      status: d.status,
      exchange_code: d.exchangeCode,
      status_at: d.at,
      entry: {
        status: d.status,
        previousStatus: d.previousStatus,
        exchangeCode: d.exchangeCode,
        note: d.note,
        at: d.at,
        source: d.source,
        recordedAt: d.recordedAt,
        recordedBy: d.recordedBy,
      },
    }),
  }),
};
