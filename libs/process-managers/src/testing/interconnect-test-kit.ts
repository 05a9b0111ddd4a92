import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DomainEvent, IssuedRecipient } from '@app/domain';
import { outgoingStream } from '@app/domain';
import { issued, recalled } from '@app/domain/outgoing-document/testing/outgoing-document.fixtures';
import { CommandHandler } from '@app/command-handling';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import { GlobalPosition, PostgresEventStore, RecordedEvent, sealEvents, Upcasters } from '@app/event-store';
import { silentLogger } from '@app/projection-runner';
import { DEFAULT_WEEKLY_SESSIONS, toVietnamIso, WorkingCalendar } from '@app/working-time';
import type { RecipientDeadlines } from '../interconnect/interconnect-copy';
import type { ProcessManager } from '../process-manager';
import { ProcessManagerRunner, ProcessManagerRunnerOptions } from '../process-manager-runner';

/** The sender (Sở Nội vụ), two recipient agencies of the system and one outside it. */
export const SENDER = '000.00.01.H41';
export const IN_SYSTEM = ['000.00.00.H41', '000.00.02.H41'] as const;
export const OUTSIDE = '000.00.03.H41';

export const testRecipients: readonly IssuedRecipient[] = [
  { recipientKey: IN_SYSTEM[0], agencyCode: IN_SYSTEM[0], name: 'Ủy ban nhân dân tỉnh Demo', inSystem: true },
  { recipientKey: IN_SYSTEM[1], agencyCode: IN_SYSTEM[1], name: 'Sở Tài chính', inSystem: true },
  { recipientKey: OUTSIDE, agencyCode: OUTSIDE, name: 'Sở Xây dựng tỉnh bạn', inSystem: false },
];

const calendar = WorkingCalendar.fromData({ weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [] });

/** Receipt deadlines on the shipped calendar: liên thông within 8 working hours (as the api's AgencyDeadlines). */
export const testDeadlines: RecipientDeadlines = {
  receipt: (_agencyCode, receivedAt) => ({
    effectiveReceivedAt: calendar.normalize(receivedAt),
    registrationDueAt: calendar.addWorkingHours(receivedAt, 8),
    urgencyDueAt: null,
  }),
};

/** A database of its own with the PostgreSQL event store, the command handler and runners on them. */
export interface InterconnectTestContext {
  readonly database: TestDatabase;
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly handler: CommandHandler;
  runner(managers: readonly ProcessManager[], options?: Partial<ProcessManagerRunnerOptions>): ProcessManagerRunner;
  /** Appends the events of an outgoing document as the decider would have recorded them; returns them as stored. */
  appendOutgoing(documentId: string, events: readonly DomainEvent[]): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export async function openInterconnectTestContext(prefix: string): Promise<InterconnectTestContext> {
  const database = await createTestDatabase(prefix);
  const pool = new Pool({ connectionString: database.url, max: 10 });
  const store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  await store.migrate();
  const upcasters = new Upcasters();
  const handler = new CommandHandler(store, upcasters);
  const runners: ProcessManagerRunner[] = [];
  return {
    database,
    pool,
    store,
    handler,
    runner(managers, options = {}) {
      const runner = new ProcessManagerRunner({ pool, store, handler, upcasters, managers, logger: silentLogger, retryInitialMs: 100, lockRetryMs: 100, ...options });
      runners.push(runner);
      return runner;
    },
    async appendOutgoing(documentId, events) {
      const streamId = outgoingStream(documentId);
      const revisions: bigint[] = [];
      for await (const event of store.readStream(streamId)) revisions.push(event.revision);
      const first = revisions.length === 0 ? 0n : revisions[revisions.length - 1] + 1n;
      const metadata = { occurredAt: toVietnamIso(new Date()), actor: { username: 'vanthu.snv', agencyCode: SENDER, roles: ['CLERK'] } };
      const sealed = sealEvents(
        streamId,
        first,
        null,
        events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata })),
      );
      await store.append(streamId, sealed, first === 0n ? 'no_stream' : first - 1n);
      const stored: RecordedEvent[] = [];
      for await (const event of store.readStream(streamId, { fromRevision: first })) stored.push(event);
      return stored;
    },
    async close() {
      await Promise.all(runners.map((runner) => runner.stop()));
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** OutgoingDocumentIssued of the fixture document, as `documentId` of the sender, to the test recipients. */
export function issuedDocument(documentId: string, recipients: readonly IssuedRecipient[] = testRecipients) {
  return issued({ documentId, agencyCode: SENDER, agencyName: 'Sở Nội vụ', recipients, identifier: { agencyCode: SENDER, year: 2025, sequence: 1, value: `${SENDER}.2025.1` } });
}

export function recalledDocument(documentId: string, recipients: readonly IssuedRecipient[] = testRecipients) {
  return recalled({ documentId, agencyCode: SENDER, recipients });
}

/** Polls `probe` until it returns something other than undefined/false. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The incoming documents delivered per (outgoing document, recipient agency), from the events table. */
export async function deliveredCopies(pool: Pool): Promise<{ outgoing: string; recipient: string; copies: number }[]> {
  const { rows } = await pool.query<{ outgoing: string; recipient: string; copies: number }>(
    `SELECT data -> 'source' ->> 'outgoingDocumentId' AS outgoing, data ->> 'agencyCode' AS recipient, count(*)::int AS copies
       FROM event_store.events WHERE type = 'IncomingDocumentReceived' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return rows;
}

export async function storedCheckpoint(pool: Pool, name: string): Promise<GlobalPosition | null> {
  const { rows } = await pool.query<{ position: string | null }>('SELECT position FROM process_manager.checkpoints WHERE name = $1', [name]);
  return rows[0]?.position ?? null;
}

export async function eventCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
  return rows[0].n;
}
