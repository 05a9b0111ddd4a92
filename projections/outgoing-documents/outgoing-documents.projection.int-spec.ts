import { outgoingStream } from '@app/domain';
import {
  AGENCY,
  AGENCY_NAME,
  approved,
  clerk,
  created,
  DOCUMENT_ID,
  drafter,
  issued,
  issuedRecipients,
  mainFile,
  numbered,
  person,
  recalled,
  returned,
  revised,
  sealed,
  signed,
  signer,
  submitted,
  T,
  UNIT,
} from '@app/domain/outgoing-document/testing/outgoing-document.fixtures';
import { searchTextPattern } from '../incoming-documents/fold-vietnamese';
import { EventLog } from '../testing/event-log';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { outgoingDocumentsProjection as projection } from './outgoing-documents.projection';

describe('outgoing documents projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_outgoing_documents');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const row = async (documentId = DOCUMENT_ID) =>
    (await db.rows('SELECT * FROM rm_outgoing_documents.outgoing_documents WHERE document_id = $1', [documentId]))[0];

  /** Drafted, returned once, revised, resubmitted, approved, signed, numbered, sealed and issued. */
  function issuedHistory(documentId = DOCUMENT_ID) {
    const events = [
      created({ documentId }),
      submitted({ documentId }),
      returned({ documentId }),
      revised({ documentId, previousStatus: 'RETURNED' }),
      submitted({ documentId, version: 2 }),
      approved({ documentId, version: 2 }),
      signed({ documentId, version: 2 }),
      numbered({ documentId }),
      sealed({ documentId }),
      issued({ documentId }),
    ];
    return log.append(outgoingStream(documentId), ...events);
  }

  it('finds the document an event changes through its key, not by scanning every document projected', async () => {
    const documents = Array.from({ length: 3_000 }, (_, n) => `${DOCUMENT_ID}-${n}`);
    await db.apply(projection, documents.flatMap((documentId) => log.append(outgoingStream(documentId), created({ documentId }))));
    await db.rows('ANALYZE rm_outgoing_documents.outgoing_documents');

    const plans = await db.plans(projection, log.append(outgoingStream(documents[1_234]), submitted({ documentId: documents[1_234] })));

    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('Index Scan using outgoing_documents_pkey');
    expect(plans[0]).not.toContain('Seq Scan on outgoing_documents');
    expect(await row(documents[1_234])).toMatchObject({ status: 'SUBMITTED' });
  });

  it('shows a draft with its content and drafter', async () => {
    await db.apply(projection, log.append(outgoingStream(DOCUMENT_ID), created()));

    expect(await row()).toMatchObject({
      agency_code: AGENCY,
      unit_id: UNIT,
      drafter: person(drafter),
      status: 'DRAFT',
      version: 1,
      document_type: 'QUYET_DINH',
      document_type_name: 'Quyết định',
      subject: 'Về việc ban hành Quy chế quản lý văn bản điện tử',
      urgency: 'URGENT',
      reply_to_document_ids: ['in-0042'],
      paper_copy: false,
      returns: [],
      number: null,
      revision: '0',
    });
  });

  it('follows the document to issue, keeping the return and every step of Decree 30 Điều 10–18', async () => {
    await db.apply(projection, issuedHistory());

    expect(await row()).toMatchObject({
      status: 'ISSUED',
      version: 2,
      attachments: [expect.objectContaining({ fileName: 'QD_ban_hanh_quy_che_v2.pdf' }), expect.objectContaining({ fileName: 'Phu_luc_01.docx' })],
      returns: [{ version: 1, reason: 'Bổ sung căn cứ pháp lý', returnedAt: T.return, returnedBy: expect.objectContaining({ username: 'ct_levanc' }), onBehalfOf: null }],
      approver: { username: 'ct_levanc', fullName: 'Lê Văn C' },
      signer,
      signed_at: new Date(T.signedAt),
      signature: { certificateSerial: '5403A1B2C3D4E5F6', documentSha256: mainFile.sha256, mainFileName: mainFile.fileName, onBehalfOf: null },
      issue_due_at: new Date(T.issueDue),
      register_code: 'DI',
      year: 2025,
      number: 5,
      code_number: '05',
      code_notation: 'QĐ-UBND',
      identifier: '000.00.01.H41.2025.17',
      numbered_by: person(clerk),
      agency_signed_at: new Date(T.sealedAt),
      agency_name: AGENCY_NAME,
      recipients: issuedRecipients,
      issued_at: new Date(T.issue),
      issued_by: person(clerk),
      issued_late: false,
      recall_reason: null,
      revision: '9',
    });
    const [{ issued_date }] = await db.rows<{ issued_date: string }>(
      'SELECT issued_date::text AS issued_date FROM rm_outgoing_documents.outgoing_documents WHERE document_id = $1',
      [DOCUMENT_ID],
    );
    expect(issued_date).toBe('2025-03-03');
  });

  it('records the recall', async () => {
    await db.apply(projection, [...issuedHistory(), ...log.append(outgoingStream(DOCUMENT_ID), recalled())]);

    expect(await row()).toMatchObject({
      status: 'RECALLED',
      recall_reason: 'Văn bản ban hành sai thể thức',
      recalled_at: new Date(T.recall),
      recalled_by: person(clerk),
    });
  });

  it('finds a numbered document by its subject or number and notation, with or without diacritics', async () => {
    await db.apply(projection, [...issuedHistory('out-1'), ...log.append(outgoingStream('out-2'), created({ documentId: 'out-2', subject: 'Kế hoạch chuyển đổi số' }))]);
    const find = async (text: string) =>
      (
        await db.rows<{ document_id: string }>(
          'SELECT document_id FROM rm_outgoing_documents.outgoing_documents WHERE search_text LIKE $1 ORDER BY document_id',
          [searchTextPattern(text)],
        )
      ).map((r) => r.document_id);

    expect(await find('quy che quan ly')).toEqual(['out-1']);
    expect(await find('05/QĐ-UBND')).toEqual(['out-1']);
    expect(await find('chuyển đổi')).toEqual(['out-2']);
  });

  it.each(['batch', 'one-by-one'] as const)('ends the same when events are applied again (%s)', async (mode) => {
    const events = issuedHistory();
    await db.apply(projection, events, mode);
    const once = await db.rows('SELECT * FROM rm_outgoing_documents.outgoing_documents');

    await db.apply(projection, events, mode);
    await db.apply(projection, events.slice(2, 5), mode);

    expect(await db.rows('SELECT * FROM rm_outgoing_documents.outgoing_documents')).toEqual(once);
  });
});
