import { EventLog } from '../testing/event-log';
import { AGENCY, register } from '../testing/incoming-fixtures';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { registersProjection as projection } from './registers.projection';

const OTHER_AGENCY = '000.00.02.H41';

describe('registers projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_registers');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const registers = (agencyCode: string, year: number) =>
    db.rows(
      `SELECT register_code, kind, name, document_types, last_number, opened_at, last_allocated_at, revision
       FROM rm_registers.registers WHERE agency_code = $1 AND year = $2 ORDER BY register_code`,
      [agencyCode, year],
    );
  const table = () => db.rows('SELECT * FROM rm_registers.registers ORDER BY agency_code, year, register_code');

  /** A register opened by hand for decisions, numbers 1–3 of it, and numbers 1–2 of the default DEN register. */
  function numberingOf2025() {
    const decisions = register(log, 'QD', 2025);
    const incoming = register(log, 'DEN', 2025);
    const name = 'Sổ đăng ký quyết định đến';
    return [
      decisions.opened({ kind: 'INCOMING', name, documentTypes: ['Quyết định', 'Nghị quyết'] }),
      incoming.allocated({ kind: 'INCOMING', name: 'Sổ văn bản đến', number: 1, documentId: 'doc-1' }),
      decisions.allocated({ kind: 'INCOMING', name, number: 1, documentId: 'doc-2' }),
      decisions.allocated({ kind: 'INCOMING', name, number: 2, documentId: 'doc-3' }),
      incoming.allocated({ kind: 'INCOMING', name: 'Sổ văn bản đến', number: 2, documentId: 'doc-4' }),
      decisions.allocated({ kind: 'INCOMING', name, number: 3, documentId: 'doc-5' }),
    ];
  }

  it('lists an agency’s registers of a year with their last number', async () => {
    await db.apply(projection, numberingOf2025());

    expect(await registers(AGENCY, 2025)).toEqual([
      {
        register_code: 'DEN',
        kind: 'INCOMING',
        name: 'Sổ văn bản đến',
        document_types: [],
        last_number: 2,
        opened_at: null,
        last_allocated_at: new Date('2025-03-04T09:00:00+07:00'),
        revision: '1',
      },
      {
        register_code: 'QD',
        kind: 'INCOMING',
        name: 'Sổ đăng ký quyết định đến',
        document_types: ['Quyết định', 'Nghị quyết'],
        last_number: 3,
        opened_at: new Date('2025-01-02T08:00:00+07:00'),
        last_allocated_at: new Date('2025-03-04T09:00:00+07:00'),
        revision: '3',
      },
    ]);
  });

  it('shows a register opened but not used yet with last number 0', async () => {
    await db.apply(projection, [
      register(log, 'DI-QD', 2025).opened({ kind: 'OUTGOING', name: 'Sổ quyết định đi', documentTypes: ['Quyết định'] }),
    ]);

    expect(await registers(AGENCY, 2025)).toEqual([
      expect.objectContaining({ register_code: 'DI-QD', kind: 'OUTGOING', last_number: 0, last_allocated_at: null, revision: '0' }),
    ]);
  });

  it('keeps years and agencies apart: numbering restarts each year', async () => {
    await db.apply(projection, [
      ...numberingOf2025(),
      register(log, 'DEN', 2026).allocated({ kind: 'INCOMING', name: 'Sổ văn bản đến', number: 1, documentId: 'doc-6' }),
      register(log, 'DEN', 2025, OTHER_AGENCY).allocated({ kind: 'INCOMING', name: 'Sổ văn bản đến', number: 1, documentId: 'doc-7' }),
    ]);

    expect(await registers(AGENCY, 2026)).toEqual([expect.objectContaining({ register_code: 'DEN', last_number: 1 })]);
    expect(await registers(OTHER_AGENCY, 2025)).toEqual([expect.objectContaining({ register_code: 'DEN', last_number: 1 })]);
    expect(await registers(AGENCY, 2025)).toEqual([
      expect.objectContaining({ register_code: 'DEN', last_number: 2 }),
      expect.objectContaining({ register_code: 'QD', last_number: 3 }),
    ]);
  });

  it('is idempotent: replaying all or older events changes no row', async () => {
    const events = numberingOf2025();
    await db.apply(projection, events);
    const once = await table();

    await db.apply(projection, events);
    expect(await table()).toEqual(once);

    for (const event of events) await db.apply(projection, [event], 'one-by-one');
    await db.apply(projection, events.slice(0, 3));
    expect(await table()).toEqual(once);
  });

  it('builds the same rows one event at a time as in one batch', async () => {
    const events = numberingOf2025();
    await db.apply(projection, events, 'batch');
    const batched = await table();

    await db.install(projection);
    await db.apply(projection, events, 'one-by-one');
    expect(await table()).toEqual(batched);
  });
});
